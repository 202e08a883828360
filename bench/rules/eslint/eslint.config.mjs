// ESLint flat config for bench/run: the same four detections as bench/rules/astgrep, written as
// `no-restricted-syntax` selectors over the typescript-eslint AST (parser only, no type
// information: like rtlint and ast-grep, every file is read once on its own).
//
// Run from the tree's root: `eslint -c bench/rules/eslint/eslint.config.mjs .` so that the
// `files` globs below are relative to the tree.
import { createRequire } from "node:module";

// The pinned packages live in bench/tools/node_modules, which is not on this file's resolution
// path: resolve them from there explicitly.
const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const tsParser = require("@typescript-eslint/parser");

// UNIFIED_EVENTS values of the seed (bench/gen.py), plus the "*" wildcard.
const UNIFIED_EVENT_VALUES = /^(\*|message:created|message:updated|message:deleted|message:status:delivered|message:status:read|message:status:failed|read:receipt|conversation:created|conversation:updated|conversation:assigned|conversation:unassigned|conversation:closed|conversation:reopened|conversation:archived|typing:start|typing:stop|typing:update|presence:join|presence:leave|presence:update|agent:status:online|agent:status:away|agent:status:busy|agent:status:offline|agent:assigned|agent:unassigned|ai:activated|ai:deactivated|ai:response:generated|ai:handover:requested|ai:handover:completed|ai:confidence:low|ai:confidence:high|visitor:joined|visitor:left|visitor:active|visitor:idle|visitor:page:view|notification:created|notification:read|notification:dismissed|system:maintenance|system:alert|system:health:check)$/;

const EVENT_SELECTORS = [
  // .on("broadcast", { event: "custom" }, ...)
  `CallExpression[callee.property.name="on"][arguments.0.value="broadcast"] > ObjectExpression > Property[key.name="event"] > Literal.value[value!=${UNIFIED_EVENT_VALUES}]`,
  // .send({ type: "broadcast", event: "custom", ... })
  `CallExpression[callee.property.name="send"] > ObjectExpression:has(> Property[key.name="type"][value.value="broadcast"]) > Property[key.name="event"] > Literal.value[value!=${UNIFIED_EVENT_VALUES}]`,
];

const common = [
  ...EVENT_SELECTORS.map((selector) => ({ selector, message: "event-custom: custom event name; use UNIFIED_EVENTS" })),
  ...["TemplateLiteral", "BinaryExpression", "Literal"].map((type) => ({
    selector: `CallExpression[callee.property.name="channel"][arguments.length=1] > ${type}.arguments`,
    message: "channel-hand-built: channel name built by hand; use UNIFIED_CHANNELS",
  })),
  {
    selector: 'CallExpression[callee.name=/^(useRealTimeMessaging|useTypingIndicator)$/], ImportSpecifier[imported.name=/^(useRealTimeMessaging|useTypingIndicator)$/]',
    message: "hook-deprecated: deprecated realtime hook; use useRealtime({ type, ... })",
  },
];

const direct = [{
  selector: 'CallExpression[callee.object.name="supabase"][callee.property.name=/^(channel|removeChannel)$/]',
  message: "supabase-channel-direct: Supabase channel used directly in a component or hook",
}];

export default [
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.d.ts"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: { "no-restricted-syntax": ["error", ...common] },
  },
  {
    // A later config object replaces the rule's options, so the direct-use selectors are
    // added to the common ones rather than given alone.
    files: ["components/**/*.{ts,tsx}", "hooks/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", ...common, ...direct] },
  },
];
