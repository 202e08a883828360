// Shared by the oracle scripts: one TypeScript program per file, compiled
// alone (no lib, imports left unresolved), so a verdict depends on that
// file's text only and never on what else the tree holds.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const OPTIONS = {
  noLib: true,
  noResolve: true,
  types: [],
  isolatedModules: true,
  noEmit: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.Latest,
  module: ts.ModuleKind.ESNext,
};

function scriptKind(file) {
  return /\.tsx$/i.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

// A program whose only source file is `file`, read once; missing or
// unreadable files throw, which the caller reports.
function compileAlone(file) {
  const text = fs.readFileSync(file, "utf8");
  const name = path.resolve(file);
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const host = ts.createCompilerHost(OPTIONS, true);
  host.getSourceFile = (f) => (path.resolve(f) === name ? source : undefined);
  host.fileExists = (f) => path.resolve(f) === name;
  host.readFile = (f) => (path.resolve(f) === name ? text : undefined);
  const program = ts.createProgram({ rootNames: [name], options: OPTIONS, host });
  return { program, source };
}

function describe(d) {
  const where = d.file && d.start !== undefined
    ? d.file.getLineAndCharacterOfPosition(d.start)
    : { line: -1, character: -1 };
  return {
    code: d.code,
    line: where.line + 1,
    column: where.character + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  };
}

// Runs `verdict(file)` for each file named on the command line and prints
// {"file": [diagnostic, ...], ...} as JSON on stdout (exit 2 on a bad file).
function main(verdict) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write(`usage: node ${path.basename(process.argv[1])} FILE...\n`);
    process.exit(2);
  }
  const out = {};
  for (const file of files) {
    try {
      out[file] = verdict(file);
    } catch (e) {
      process.stderr.write(`${file}: ${e.message}\n`);
      process.exit(2);
    }
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

module.exports = { ts, compileAlone, describe, main };
