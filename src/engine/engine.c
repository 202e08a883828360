#include "engine/engine.h"

#include "core/arena.h"
#include "parse/parser.h"
#include "resolve/facts.h"
#include "rules/ctx.h"

#include <stdlib.h>
#include <string.h>

void selection_defaults(RuleSelection *sel) {
  memset(sel, 0, sizeof *sel);
  for (size_t i = 0; i < rules_count; i++)
    sel->severity[i] = rules_all[i]->default_severity;
}

bool selection_any_enabled(const RuleSelection *sel) {
  for (size_t i = 0; i < rules_count; i++)
    if (sel->severity[i] != SEV_OFF)
      return true;
  return false;
}

static void report_load_problem(const Module *m, NoticeList *notices) {
  if (m->status != SOURCE_OK) {
    notice_add(notices, m->src.path ? m->src.path : m->fs_path, src_status_name(m->status),
               m->load_error, 0, 0);
    return;
  }
  if (m->has_syntax_error) {
    uint32_t byte = 0;
    parse_first_error(m->tree, &byte);
    SrcPos pos = src_pos(&m->src, byte);
    notice_add(notices, m->src.path, "parse-error",
               "syntax error; the rest of the file was still linted", pos.line, pos.col);
  }
}

void lint_module(Project *proj, Module *m, const RuleSelection *sel, DiagList *out) {
  Arena arena = {0};
  Facts facts;
  facts_collect(&facts, m, &arena);
  Resolver res;
  resolver_init(&res, proj, &arena);
  for (size_t i = 0; i < rules_count; i++) {
    if (sel->severity[i] == SEV_OFF)
      continue;
    RuleCtx ctx = {
        .rule = rules_all[i],
        .severity = sel->severity[i],
        .mod = m,
        .proj = proj,
        .std = proj->std,
        .facts = &facts,
        .res = &res,
        .arena = &arena,
        .out = out,
    };
    rules_all[i]->check(&ctx);
  }
  arena_free(&arena);
}

static bool same_finding(const Diag *a, const Diag *b) {
  return a->rule == b->rule && a->src == b->src && a->start == b->start && a->end == b->end &&
         strcmp(a->message, b->message) == 0;
}

/* A building site reached from several uses is reported once. */
static void dedupe(DiagList *list) {
  size_t w = 0;
  for (size_t r = 0; r < list->n; r++) {
    if (w > 0 && same_finding(&list->items[w - 1], &list->items[r])) {
      DiagList tmp = {&list->items[r], 1, 1};
      diag_list_free(&tmp);
      continue;
    }
    list->items[w++] = list->items[r];
  }
  list->n = w;
}

void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                LintResult *out) {
  memset(out, 0, sizeof *out);
  Module **mods = calloc(npaths ? npaths : 1, sizeof *mods);
  /* Load everything first so a finding located in another linted file (a
   * channel name built there) can be reported while linting its user. */
  for (size_t i = 0; i < npaths; i++) {
    mods[i] = project_module(proj, paths[i]);
    if (mods[i])
      mods[i]->linted = true;
  }
  for (size_t i = 0; i < npaths; i++) {
    Module *m = mods[i];
    if (!m)
      continue;
    out->files_scanned++;
    report_load_problem(m, &out->notices);
    if (m->tree)
      lint_module(proj, m, sel, &out->diags);
  }
  free(mods);
  diag_list_sort(&out->diags);
  dedupe(&out->diags);
  notice_list_sort(&out->notices);
}

void lint_result_free(LintResult *r) {
  diag_list_free(&r->diags);
  notice_list_free(&r->notices);
}
