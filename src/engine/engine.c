#include "engine/engine.h"

#include "config/config.h"
#include "core/arena.h"
#include "engine/suppress.h"
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

static void lint_module(Project *proj, Module *m, const RuleSelection *sel,
                        const struct Config *config, DiagList *out) {
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
        .config = config,
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
      /* (the duplicate owns its strings; free them, not the array slot) */
      diag_free(&list->items[r]);
      continue;
    }
    list->items[w++] = list->items[r];
  }
  list->n = w;
}

/* fixed: one selection for every file (lint_files), or NULL to compute it
 * per file from setup. */
static void lint_run(Project *proj, char *const *paths, size_t npaths, const LintSetup *setup,
                     const RuleSelection *fixed, LintResult *out) {
  memset(out, 0, sizeof *out);
  Module **mods = calloc(npaths ? npaths : 1, sizeof *mods);
  RuleSelection *sels = calloc(npaths ? npaths : 1, sizeof *sels);
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
    if (fixed)
      sels[i] = *fixed;
    else
      lint_selection_for(setup, m->fs_path, &sels[i]);
    if (m->tree)
      lint_module(proj, m, &sels[i], setup->config, &out->diags);
  }
  /* After every rule ran: a finding can land in a file other than the one
   * being linted, and a directive is unused only if nothing reached it. */
  for (size_t i = 0; i < npaths; i++)
    if (mods[i] && mods[i]->tree)
      suppress_apply(mods[i], &out->diags, &sels[i], setup->require_reason);
  free(sels);
  free(mods);
  diag_list_sort(&out->diags);
  dedupe(&out->diags);
  notice_list_sort(&out->notices);
}

void lint_files(Project *proj, char *const *paths, size_t npaths, const RuleSelection *sel,
                LintResult *out) {
  LintSetup setup = {.cli = sel};
  lint_run(proj, paths, npaths, &setup, sel, out);
}

void lint_result_free(LintResult *r) {
  diag_list_free(&r->diags);
  notice_list_free(&r->notices);
}

void lint_selection_for(const LintSetup *setup, const char *abs_path, RuleSelection *sel) {
  selection_defaults(sel);
  if (setup->config)
    config_selection(setup->config, abs_path, !setup->cli_phases, sel);
  if (!setup->cli)
    return;
  for (size_t r = 0; r < rules_count; r++) {
    if (setup->cli->severity[r] == SEV_OFF)
      sel->severity[r] = SEV_OFF;
    else if (setup->cli_forced && setup->cli_forced[r] && sel->severity[r] == SEV_OFF)
      sel->severity[r] = setup->cli->severity[r];
  }
}

void lint_files_ex(Project *proj, char *const *paths, size_t npaths, const LintSetup *setup,
                   LintResult *out) {
  lint_run(proj, paths, npaths, setup, NULL, out);
}
