// The names each file uses but does not bind, as the type checker sees them
// with the file compiled alone (no lib, imports unresolved): every "Cannot
// find name 'x'" diagnostic (2304, 2552 "... Did you mean", and the other
// variants of that message), as JSON {"file": [{"name", "code", "line",
// "column", "message"}, ...]}. Globals such as `console` appear in every
// file; tests/fix_oracle.py compares a file's list before and after a fix.
"use strict";
const { ts, compileAlone, describe, main } = require("./oracle");

const CANNOT_FIND_NAME = new Set(
  Object.values(ts.Diagnostics)
    .filter((m) => m && typeof m.message === "string" && m.message.startsWith("Cannot find name '{0}'"))
    .map((m) => m.code),
);

main((file) => {
  const { program, source } = compileAlone(file);
  return program
    .getSemanticDiagnostics(source)
    .filter((d) => CANNOT_FIND_NAME.has(d.code))
    .map((d) => {
      const info = describe(d);
      const m = /^Cannot find name '([^']*)'/.exec(info.message);
      return { name: m ? m[1] : "", ...info };
    });
});
