#!/usr/bin/env node
// rtlint lsp driven by a real LSP client library (vscode-languageserver-protocol,
// pinned in tools/lspclient): initialize/shutdown/exit, position encodings,
// incremental edits with multi-byte characters (the expected text is built by
// applying the same edits to a JS string, which counts UTF-16 units as LSP does),
// push and pull diagnostics equal to `rtlint --format json --stdin-filename`,
// code actions (quickfix, disable-for-line, fixAll), cancellation, a malformed
// message, cross-file republishing, watched-file and configuration changes.
// Usage: node protocol.js --rtlint PATH (exit 77: the client is not installed).
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const cp = require("child_process");

const ROOT = path.resolve(__dirname, "../..");
let lsp;
try {
  lsp = require(path.join(ROOT, "tools/lspclient/node_modules/vscode-languageserver-protocol/node"));
} catch (e) {
  console.log("skipped: tools/lspclient is not installed (tools/install-deps.sh)");
  process.exit(77);
}
const rtlint = path.resolve(process.argv[process.argv.indexOf("--rtlint") + 1]);

const failures = [];
function check(cond, what) {
  console.log((cond ? "ok   " : "FAIL ") + what);
  if (!cond) failures.push(what);
}

// A copy of the sample app in a git repository (so .gitignore applies).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rtlint-lsp-"));
const app = path.join(tmp, "app");
fs.cpSync(path.join(ROOT, "fixtures/campfire-app"), app, {
  recursive: true,
  filter: (src) => !/node_modules|\.rtlint-cache/.test(src),
});
cp.execFileSync("git", ["init", "-q", app]);
const uriOf = (rel) => "file://" + path.join(app, rel);

// What the command line says about a text at a path: the oracle.
function cliDiagnostics(rel, text) {
  const r = cp.spawnSync(rtlint, ["--no-cache", "--format", "json", "--stdin-filename", rel], {
    cwd: app, input: text, encoding: "utf8",
  });
  return JSON.parse(r.stdout).diagnostics;
}
function cliFix(rel, text) {
  return cp.spawnSync(rtlint, ["--no-cache", "--fix", "--stdin-filename", rel], {
    cwd: app, input: text, encoding: "utf8",
  }).stdout;
}

// UTF-16 (line, character) of a UTF-8 byte offset in text, or UTF-8 (line, byte).
function posOf(text, byte, utf8) {
  const buf = Buffer.from(text, "utf8");
  const before = buf.subarray(0, byte).toString("utf8");
  const line = before.split("\n").length - 1;
  const lineText = before.slice(before.lastIndexOf("\n") + 1);
  return { line, character: utf8 ? Buffer.byteLength(lineText, "utf8") : lineText.length };
}
function key(d) {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
}
function expected(rel, text, utf8) {
  return cliDiagnostics(rel, text).map((d) => key({
    range: { start: posOf(text, d.start.byte, utf8), end: posOf(text, d.end.byte, utf8) },
    code: d.rule, message: d.message,
  })).sort();
}
const got = (diags) => diags.map(key).sort();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Offsets in a JS string (UTF-16) <-> LSP positions (utf-16).
function offsetAt(text, pos) {
  const lines = text.split("\n");
  let o = 0;
  for (let i = 0; i < pos.line; i++) o += lines[i].length + 1;
  return o + pos.character;
}
function positionAt(text, off) {
  const before = text.slice(0, off);
  const line = before.split("\n").length - 1;
  return { line, character: off - (before.lastIndexOf("\n") + 1) };
}
function applyEdits(text, edits) {
  const sorted = edits.map((e) => [offsetAt(text, e.range.start), offsetAt(text, e.range.end), e.newText])
    .sort((a, b) => b[0] - a[0]);
  for (const [s, e, t] of sorted) text = text.slice(0, s) + t + text.slice(e);
  return text;
}

function start(initOptions, encodings) {
  const proc = cp.spawn(rtlint, ["lsp"], { cwd: tmp, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (b) => (stderr += b));
  const conn = lsp.createProtocolConnection(
    new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const published = new Map(); // uri -> [{version, diagnostics}]
  const waiters = [];
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    if (!published.has(p.uri)) published.set(p.uri, []);
    published.get(p.uri).push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  const s = {
    proc, conn, published, stderr: () => stderr,
    // The next publication for uri after count publications so far.
    async next(uri, count, ms = 10000) {
      const deadline = Date.now() + ms;
      while ((published.get(uri) || []).length <= count) {
        if (Date.now() > deadline) throw new Error("no diagnostics published for " + uri);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 50); });
      }
      return published.get(uri)[count];
    },
    count: (uri) => (published.get(uri) || []).length,
  };
  s.init = conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: "file://" + app, workspaceFolders: null,
    capabilities: { general: encodings ? { positionEncodings: encodings } : {} },
    initializationOptions: initOptions,
  });
  return s;
}

async function stop(s) {
  await s.conn.sendRequest(lsp.ShutdownRequest.type);
  const exited = new Promise((r) => s.proc.on("exit", (code) => r(code)));
  s.conn.sendNotification(lsp.ExitNotification.type);
  return exited;
}

async function open(s, rel, text, version = 1) {
  const uri = uriOf(rel);
  const n = s.count(uri);
  s.conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: rel.endsWith("x") ? "typescriptreact" : "typescript", version, text },
  });
  return s.next(uri, n);
}

async function main() {
  // --- initialize, UTF-16 by default -------------------------------------
  const s = start({ debounceMs: 40 });
  const init = await s.init;
  s.conn.sendNotification(lsp.InitializedNotification.type, {});
  check(init.capabilities.positionEncoding === "utf-16", "position encoding defaults to utf-16");
  check(init.capabilities.textDocumentSync.change === 2, "incremental text sync");
  check(init.capabilities.codeActionProvider.codeActionKinds.includes("source.fixAll.rtlint"),
    "code action kinds include source.fixAll.rtlint");
  check(!!init.capabilities.diagnosticProvider, "pull diagnostics offered");

  // --- didOpen: diagnostics equal the command line's ---------------------
  const rel = "components/chat/TypingIndicator.tsx";
  const uri = uriOf(rel);
  let text = fs.readFileSync(path.join(app, rel), "utf8");
  let pub = await open(s, rel, text);
  check(pub.diagnostics.length > 0 && same(got(pub.diagnostics), expected(rel, text)),
    `didOpen publishes the command line's ${pub.diagnostics.length} findings at the same ranges`);
  const d0 = pub.diagnostics.find((d) => d.code === "channel-hand-built");
  check(d0 && d0.source === "rtlint" && d0.severity === 1 &&
    /docs\/rules\/channel-hand-built\.md$/.test(d0.codeDescription.href),
    "severity, code, codeDescription.href and source are set");
  check(pub.version === 1, "the publication names the document version");

  // --- pull diagnostics ---------------------------------------------------
  const pulled = await s.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  check(pulled.kind === "full" && same(got(pulled.items), got(pub.diagnostics)),
    "textDocument/diagnostic returns the pushed diagnostics");

  // --- incremental edits with multi-byte characters ----------------------
  let version = 1;
  async function change(u, changes, t) {
    const n = s.count(u);
    s.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: u, version: ++version }, contentChanges: changes,
    });
    return s.next(u, n);
  }
  // Insert a line with an emoji (a surrogate pair) and accents before a finding
  // on the same line, then edit after the emoji, then delete across it.
  const at = offsetAt(text, { line: 22, character: 0 });
  const ins = '    const mark = "😀é"; channelManager.getChannel(`conversation:${conversationId}`);\n';
  const edits = [
    { range: { start: positionAt(text, at), end: positionAt(text, at) }, text: ins },
  ];
  let expectText = text.slice(0, at) + ins + text.slice(at);
  // After the emoji: character counted in UTF-16 units (the emoji is 2).
  const line22 = expectText.split("\n")[22];
  const afterEmoji = line22.indexOf("é") + 1;
  edits.push({ range: { start: { line: 22, character: afterEmoji }, end: { line: 22, character: afterEmoji } }, text: "ü🎉" });
  expectText = applyEdits(expectText, [edits[1]].map((e) => ({ range: e.range, newText: e.text })));
  pub = await change(uri, edits, expectText);
  text = expectText;
  check(same(got(pub.diagnostics), expected(rel, text)),
    "after incremental edits with multi-byte characters: UTF-16 ranges equal the command line's");
  check(pub.diagnostics.some((d) => d.range.start.line === 22 && d.code === "channel-hand-built"),
    "the finding on the edited line (after 😀, é, ü, 🎉) is reported");
  // Delete from inside the string across the emoji pair.
  const l = text.split("\n")[22];
  const from = l.indexOf('"') + 1, to = l.indexOf('"', from);
  const del = { range: { start: { line: 22, character: from }, end: { line: 22, character: to } }, text: "" };
  text = applyEdits(text, [{ range: del.range, newText: "" }]);
  pub = await change(uri, [del], text);
  check(same(got(pub.diagnostics), expected(rel, text)), "a deletion across a surrogate pair keeps positions exact");
  check(pub.version === version, "the publication carries the changed version");

  // --- a burst of edits is linted once (debounce) ---------------------------
  {
    const before = s.count(uri);
    for (let i = 0; i < 20; i++) {
      s.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "" }],
      });
    }
    let last;
    for (let k = before; !last || last.version !== version; k++) last = await s.next(uri, k);
    const burst = s.count(uri) - before;
    check(burst < 20, `20 back-to-back edits gave ${burst} publication(s), not 20`);
  }

  // --- code actions -------------------------------------------------------
  const fixable = pub.diagnostics.find((d) => d.code === "channel-hand-built" && d.range.start.line !== 22) || pub.diagnostics[0];
  let actions = await s.conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: fixable.range, context: { diagnostics: [fixable] },
  });
  const disable = actions.find((a) => a.title === `Disable ${fixable.code} for this line`);
  check(!!disable && disable.kind === "quickfix", "a disable-for-this-line action is offered");
  const disEdit = disable.edit.changes[uri][0];
  check(/\/\/ rtlint-disable-next-line channel-hand-built -- \n$/.test(disEdit.newText),
    "it inserts `// rtlint-disable-next-line RULE -- ` (reason slot last)");
  const disabledText = applyEdits(text, [disEdit]);
  const dpub = await change(uri, [{ range: disEdit.range, text: disEdit.newText }], disabledText);
  check(!dpub.diagnostics.some((d) => d.code === fixable.code && d.range.start.line === fixable.range.start.line + 1),
    "after applying it the finding on that line is gone");
  text = disabledText;

  // A quickfix from a real fix: a file with a safe fix.
  const frel = "lib/services/broadcast.ts";
  const furi = uriOf(frel);
  let ftext = fs.readFileSync(path.join(app, frel), "utf8");
  pub = await open(s, frel, ftext);
  const withFix = pub.diagnostics.find((d) => d.data && d.data.fix === "safe");
  check(!!withFix, "a finding with a safe fix carries data.fix = safe");
  actions = await s.conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri: furi }, range: withFix.range, context: { diagnostics: [withFix] },
  });
  const qf = actions.find((a) => a.kind === "quickfix" && a.isPreferred);
  check(!!qf && qf.diagnostics[0].code === withFix.code, "a preferred quickfix applies the rule's fix");
  const fixedOnce = applyEdits(ftext, qf.edit.changes[furi]);
  version = 1;
  let fpub;
  {
    const n = s.count(furi);
    s.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: furi, version: 2 }, contentChanges: [{ text: fixedOnce }],
    });
    fpub = await s.next(furi, n);
  }
  check(!fpub.diagnostics.some((d) => key(d) === key(withFix)), "after the quickfix that finding is gone");
  check(same(got(fpub.diagnostics), expected(frel, fixedOnce)), "a full-text change is linted like the CLI");
  actions = await s.conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri: furi }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ["source.fixAll"] },
  });
  check(actions.length === 1 && actions[0].kind === "source.fixAll.rtlint", "only: source.fixAll gives the fixAll action alone");
  const all = applyEdits(fixedOnce, actions[0].edit.changes[furi]);
  check(all === cliFix(frel, fixedOnce), "source.fixAll.rtlint gives the text `--fix --stdin-filename` prints");
  // A fix whose edit is in another file (the name is built in legacy-channels.ts):
  // one workspace edit naming that document, which turns its template into the call.
  {
    const lrel = "lib/realtime/legacy-channels.ts";
    const across = (await s.conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri: furi }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } },
      context: { diagnostics: [] },
    })).filter((a) => a.kind === "quickfix" && a.edit && a.edit.changes[uriOf(lrel)]);
    const ltext = fs.readFileSync(path.join(app, lrel), "utf8");
    const rewritten = across.length ? applyEdits(ltext, across[0].edit.changes[uriOf(lrel)]) : "";
    check(across.length > 0 && rewritten.includes("UNIFIED_CHANNELS.conversation(orgId, convId)") &&
      rewritten.includes("import { UNIFIED_CHANNELS }"),
      `a fix in another file is a workspace edit of that document (${across.length} actions)`);
  }
  const sugg = (await s.conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } },
    context: { diagnostics: [] },
  })).filter((a) => / \(suggestion: review it\)$/.test(a.title));
  check(sugg.every((a) => !a.isPreferred), "suggested fixes are marked as such and not preferred");

  // --- a line rtlint could not parse: an information diagnostic ------------
  {
    const hrel = "components/drafts/HalfWritten.tsx";
    const htext = fs.readFileSync(path.join(app, hrel), "utf8");
    const hpub = await open(s, hrel, htext);
    const notice = JSON.parse(cp.spawnSync(rtlint, ["--no-cache", "--format", "json", "--stdin-filename", hrel],
      { cwd: app, input: htext, encoding: "utf8" }).stdout).notices.find((x) => x.kind === "parse-error");
    const pe = hpub.diagnostics.find((d) => d.code === "parse-error");
    check(!!notice && !!pe && pe.severity === 3 && pe.range.start.line === notice.line - 1,
      "a parse-error notice is an information diagnostic on its line");
  }

  // --- cancellation --------------------------------------------------------
  const src = new lsp.CancellationTokenSource();
  const req = s.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } }, src.token);
  src.cancel();
  let cancelled = null;
  try { await req; cancelled = false; } catch (e) { cancelled = e.code; }
  check(cancelled === -32800, "a cancelled pull request answers RequestCancelled (-32800)");
  const after = await s.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  check(after.kind === "full", "the server goes on after a cancellation");

  // --- cross-file: an open buffer wins over the disk for its importers ----
  fs.mkdirSync(path.join(app, "lib/probe"), { recursive: true });
  fs.writeFileSync(path.join(app, "lib/probe/events.ts"), 'export const TYPING = "typing_indicator";\n');
  const wrel = "components/chat/ProbeWidget.tsx";
  const wtext = 'import { TYPING } from "@/lib/probe/events";\n\nexport function listen(channel: any) {\n  channel.on("broadcast", { event: TYPING }, () => {});\n}\n';
  fs.writeFileSync(path.join(app, wrel), wtext);
  const wuri = uriOf(wrel);
  pub = await open(s, wrel, wtext);
  check(pub.diagnostics.some((d) => d.code === "event-name-custom"), "the importer flags the imported custom event name");
  const erel = "lib/probe/events.ts", euri = uriOf(erel);
  await open(s, erel, 'export const TYPING = "typing_indicator";\n');
  let n = s.count(wuri);
  s.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: euri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 22 }, end: { line: 0, character: 40 } }, text: "typing:start" }],
  });
  pub = await s.next(wuri, n);
  check(!pub.diagnostics.some((d) => d.code === "event-name-custom"),
    "editing the imported buffer republishes the importer without the finding");
  n = s.count(wuri);
  s.conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: euri } });
  pub = await s.next(wuri, n);
  check(pub.diagnostics.some((d) => d.code === "event-name-custom"),
    "closing it republishes the importer from the disk's text again");

  // --- the standards module's buffer teaches the importer's lint -----------
  const srel = "lib/realtime/unified-channel-standards.ts", suri = uriOf(srel);
  const stext = fs.readFileSync(path.join(app, srel), "utf8");
  await open(s, srel, stext);
  const sline = stext.split("\n").findIndex((x) => x.includes("export const UNIFIED_EVENTS = {")) + 1;
  n = s.count(wuri);
  s.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: suri, version: 2 },
    contentChanges: [{ range: { start: { line: sline, character: 0 }, end: { line: sline, character: 0 } },
      text: '  TYPING_INDICATOR: "typing_indicator",\n' }],
  });
  pub = await s.next(wuri, n);
  check(!pub.diagnostics.some((d) => d.code === "event-name-custom"),
    "an unsaved event added to the standards buffer is known to the importer's lint");
  n = s.count(wuri);
  s.conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: suri } });
  pub = await s.next(wuri, n);
  check(pub.diagnostics.some((d) => d.code === "event-name-custom"),
    "closing the standards buffer brings the disk's catalog back");

  // --- watched files and configuration ------------------------------------
  n = s.count(wuri);
  fs.writeFileSync(path.join(app, "rtlint.yaml"), "rules:\n  event-name-custom: off\n");
  s.conn.sendNotification(lsp.DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: uriOf("rtlint.yaml"), type: 2 }],
  });
  pub = await s.next(wuri, n);
  check(!pub.diagnostics.some((d) => d.code === "event-name-custom"),
    "didChangeWatchedFiles (rtlint.yaml turned the rule off) republishes open files");
  n = s.count(wuri);
  fs.writeFileSync(path.join(app, "rtlint.yaml"), "# root\n");
  s.conn.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: {} });
  pub = await s.next(wuri, n);
  check(pub.diagnostics.some((d) => d.code === "event-name-custom"), "didChangeConfiguration reloads and republishes");
  n = s.count(wuri);
  s.conn.sendNotification(lsp.DidSaveTextDocumentNotification.type, { textDocument: { uri: wuri } });
  pub = await s.next(wuri, n);
  check(pub.diagnostics.length > 0, "didSave republishes");
  n = s.count(wuri);
  s.conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: wuri } });
  pub = await s.next(wuri, n);
  check(pub.diagnostics.length === 0, "didClose clears the document's diagnostics");

  // --- unknown method ------------------------------------------------------
  let code = null;
  try { await s.conn.sendRequest("rtlint/nope", {}); } catch (e) { code = e.code; }
  check(code === -32601, "an unknown request gets MethodNotFound");

  // --- a finding through the app's own wrapper carries its trail ----------
  fs.mkdirSync(path.join(app, "lib/probe"), { recursive: true });
  fs.writeFileSync(path.join(app, "lib/probe/emit.ts"),
    'export function emitIt(ch: any, event: string) {\n  ch.send({ type: "broadcast", event, payload: {} });\n}\n');
  const wrapped = 'import { emitIt } from "./emit";\nexport const go = (ch: any) => emitIt(ch, "typing_start");\n';
  pub = await open(s, "lib/probe/route.ts", wrapped);
  const viaWrapper = pub.diagnostics.find((d) => d.code === "event-name-custom");
  const related = (viaWrapper && viaWrapper.relatedInformation) || [];
  check(related.length > 0 && related.some((r) => r.location.uri === uriOf("lib/probe/emit.ts")),
    `a finding through a wrapper carries its trail as relatedInformation (${JSON.stringify(related)})`);
  check(related.every((r) => r.location.range.start.line >= 0 && typeof r.message === "string"),
    "each trail step has a position and a label");

  const exit = await stop(s);
  check(exit === 0, "shutdown then exit: exit code 0");
  check(!/Content-Length/.test(s.stderr()), "nothing of the protocol on stderr");

  // --- UTF-8 positions when the client offers them --------------------------
  const u = start({ debounceMs: 0 }, ["utf-8", "utf-16"]);
  const uinit = await u.init;
  check(uinit.capabilities.positionEncoding === "utf-8", "utf-8 is chosen when the client offers it");
  const mtext = 'export function f(ch: any, id: string) {\n  const s = "😀é"; ch.on("broadcast", { event: "typing_indicator" }, () => {});\n}\n';
  pub = await open(u, "lib/probe/multi.ts", mtext);
  check(pub.diagnostics.length > 0 && same(got(pub.diagnostics), expected("lib/probe/multi.ts", mtext, true)),
    "UTF-8 ranges count bytes");
  check(await stop(u) === 0, "second server exits 0");

  // --- malformed messages, by hand: bad JSON, no Content-Length ------------
  const raw = cp.spawn(rtlint, ["lsp"], { cwd: tmp });
  let out = Buffer.alloc(0);
  raw.stdout.on("data", (b) => (out = Buffer.concat([out, b])));
  const frame = (o) => { const b = Buffer.from(typeof o === "string" ? o : JSON.stringify(o)); return `Content-Length: ${b.length}\r\n\r\n${b}`; };
  raw.stdin.write(frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { capabilities: {} } }));
  raw.stdin.write(frame("{not json"));
  raw.stdin.write("Content-Type: nothing\r\n\r\n");
  raw.stdin.write(frame([1, 2]));
  raw.stdin.write(frame({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: {
    uri: uriOf("lib/probe/nul.ts"), languageId: "typescript", version: 1, text: "const a = 1;\u0000\n" } } }));
  for (let i = 0; i < 200 && !/publishDiagnostics/.test(out.toString("utf8")); i++)
    await new Promise((r) => setTimeout(r, 50));
  raw.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "shutdown" }));
  raw.stdin.write(frame({ jsonrpc: "2.0", method: "exit" }));
  const rawExit = await new Promise((r) => raw.on("exit", r));
  const msgs = out.toString("utf8").split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((t) => JSON.parse(t));
  const errs = msgs.filter((m) => m.error).map((m) => m.error.code);
  check(same(errs, [-32700, -32700, -32600]), `malformed JSON, a frame without Content-Length and a non-object each get an error (${errs})`);
  check(msgs.some((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uriOf("lib/probe/nul.ts")),
    "a buffer holding a NUL character is accepted and published");
  check(msgs.some((m) => m.id === 2 && m.result === null) && rawExit === 0,
    "the server goes on: shutdown answered, exit 0");

  fs.rmSync(tmp, { recursive: true, force: true });
  if (failures.length) {
    console.log(`${failures.length} failure(s)`);
    process.exit(1);
  }
}

main().catch((e) => { console.log("FAIL " + (e.stack || e)); process.exit(1); });
