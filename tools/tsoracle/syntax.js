// The TypeScript parser's verdict: the syntax errors of each file, as JSON
// {"file": [{"code", "line", "column", "message"}, ...]} (an empty list when
// TypeScript accepts the file). tests/parse_notices.py compares them with
// rtlint's parse notices.
"use strict";
const { compileAlone, describe, main } = require("./oracle");

main((file) => {
  const { program, source } = compileAlone(file);
  return program.getSyntacticDiagnostics(source).map(describe);
});
