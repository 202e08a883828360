#ifndef RTLINT_ENGINE_SUPPRESS_H
#define RTLINT_ENGINE_SUPPRESS_H
#include "core/diag.h"
#include "engine/engine.h"
#include "resolve/project.h"

#include <stdbool.h>
#include <stddef.h>

/* Inline suppressions, read from the file's comment nodes (tree-sitter), so a
 * directive inside a string or template literal is never one:
 *   // rtlint-disable-next-line RULE[, RULE] -- reason
 *   // rtlint-disable-line RULE[, RULE] -- reason
 *   / * rtlint-disable RULE * / ... / * rtlint-enable RULE * /
 *   / * rtlint-disable-file RULE * /
 * in any comment form, JSX's {/ * ... * /} included. */

typedef enum DirectiveKind {
  DIRECTIVE_NEXT_LINE,
  DIRECTIVE_LINE,
  DIRECTIVE_DISABLE,
  DIRECTIVE_ENABLE,
  DIRECTIVE_FILE,
} DirectiveKind;

typedef struct Directive {
  DirectiveKind kind;
  char **rules; /* as written; checked against the registry by the caller */
  size_t nrules;
  char *reason; /* the text after " -- ", trimmed; NULL when absent or empty */
} Directive;

typedef enum DirectiveParse {
  DIRECTIVE_NONE = 0, /* an ordinary comment */
  DIRECTIVE_OK = 1,   /* *out filled; free with directive_free */
  DIRECTIVE_BAD = -1, /* starts with "rtlint-" but is malformed: *why says how */
} DirectiveParse;

/* Parses one comment's full text, delimiters included ("// ...", "/ * ... * /"). */
DirectiveParse suppress_parse_comment(const char *text, size_t len, Directive *out,
                                      const char **why);
void directive_free(Directive *d);

/* Applies m's directives to the diagnostics located in m: matching findings
 * are marked suppressed (with the reason); invalid-suppression (unknown rule,
 * malformed directive, missing reason with require_reason) and
 * unused-suppression (a directive for an enabled rule that silenced nothing)
 * are appended, each when enabled in sel. */
void suppress_apply(const Module *m, DiagList *diags, const RuleSelection *sel,
                    bool require_reason);

#endif
