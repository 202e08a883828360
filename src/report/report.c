/* The report's numbers, computed once from the findings and the linted
 * files' realtime sites. See docs/report.md for every definition. */
#include "report/report.h"

#include "core/arena.h"
#include "core/fsio.h"
#include "core/util.h"
#include "parse/ast.h"
#include "resolve/facts.h"
#include "rules/app_paths.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const phase_titles[REPORT_PHASES] = {
    "Every phase: channel naming and production fixes",
    "Phase 1: Standardize event names",
    "Phase 2: Consolidate hook usage",
    "Phase 3: Unify provider usage",
    "Phase 4: Standardize component patterns",
};

/* From the seed (campfire-realtime-standards.md, "Migration Steps"). */
static const char *const phase_definitions[REPORT_PHASES] = {
    "Rules that hold in every phase: channel names come from UNIFIED_CHANNELS "
    "(org:{orgId}:{resource}[:{resourceId}][:{action}]), and the production issues the "
    "standards list (CHANNEL_ERROR handled with a fallback, organization_id on messages).",
    "Replace custom event names with UNIFIED_EVENTS. OLD: subscribe(\"typing_indicator\", "
    "handler). NEW: subscribe(UNIFIED_EVENTS.TYPING_START, handler).",
    "Replace multiple hooks with useRealtime. OLD: useRealTimeMessaging, useTypingIndicator, "
    "etc. NEW: useRealtime({ type: \"widget\", organizationId, conversationId }).",
    "Extend OrganizationRealtimeProvider to appropriate layouts; consider adding it to the "
    "root layout for global realtime access.",
    "Unify typing indicator implementations; use consistent patterns across widget and "
    "dashboard components.",
};

const char report_done_sentence[] =
    "Done = the share of each phase's own places of work that already follow the standard: "
    "channel names for every phase, event names for phase 1, realtime hook calls for phase 2, "
    "channels and hooks in components for phase 3, typing-indicator components for phase 4 "
    "(a finding elsewhere adds one place); the total is all of them together.";

const char report_fix_sentence[] =
    "Fixable = findings with a safe fix, which `rtlint --fix` clears (`--fix --phase N`: phase N "
    "and the rules for every phase, which run in each); with suggestions = findings "
    "`rtlint --fix-suggestions` clears (safe and suggested fixes; review the suggestions).";

const char *report_phase_title(int phase) {
  return phase >= 0 && phase < REPORT_PHASES ? phase_titles[phase] : "All rules";
}

const char *report_phase_definition(int phase) {
  return phase >= 0 && phase < REPORT_PHASES ? phase_definitions[phase] : "";
}

void report_pct(int tenths, char *buf, size_t size) {
  snprintf(buf, size, "%d.%d", tenths / 10, tenths % 10);
}

void flat_diag_free(FlatDiag *d) {
  free(d->path);
  free(d->message);
}

int flat_diag_cmp(const void *pa, const void *pb) {
  const FlatDiag *a = pa, *b = pb;
  int c = strcmp(a->path, b->path);
  if (c)
    return c;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  c = strcmp(a->rule->id, b->rule->id);
  if (c)
    return c;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp(a->message, b->message);
}

void flat_from_diag(FlatDiag *out, const Diag *d) {
  out->path = xstrdup(d->src->path);
  out->rule = d->rule;
  out->severity = d->severity;
  out->fix = d->fix.applicability;
  out->start = d->start;
  out->end = d->end;
  out->message = xstrdup(d->message);
}

void flat_diags_sort_unique(FlatDiag *d, size_t *n) {
  if (*n < 2)
    return;
  qsort(d, *n, sizeof *d, flat_diag_cmp);
  size_t w = 1;
  for (size_t r = 1; r < *n; r++) {
    if (flat_diag_cmp(&d[w - 1], &d[r]) == 0) {
      flat_diag_free(&d[r]);
      continue;
    }
    d[w++] = d[r];
  }
  *n = w;
}

#define PHASE_BIT(p) ((uint8_t)(1u << (p)))

/* The text every work place needs: a channel sink is a call of .channel(,
 * getChannel( or a *ToChannel( helper; an event sink a call with the literal
 * "broadcast" (.on, .send), a *ToChannel( helper or a realtime subscribe(; a
 * local wrapper calls one of them; hook calls name useRealtime, the provider
 * hook or a deprecated hook; typing indicators are named so. A file with none
 * of these is not parsed for the report, as the prefilter spares it. */
static bool may_hold_sites(const Project *proj, const Module *m) {
  static const char *const needles[] = {".channel(",      "Channel(",    "broadcast",
                                        "subscribe(",     "useRealtime", "RealtimeContext",
                                        "TypingIndicator"};
  if (m->status != SOURCE_OK)
    return false;
  for (size_t i = 0; i < sizeof needles / sizeof *needles; i++)
    if (strstr(m->src.bytes, needles[i]))
      return true;
  for (size_t i = 0; proj->std && i < proj->std->nhooks; i++)
    if (strstr(m->src.bytes, proj->std->hooks[i].hook))
      return true;
  return false;
}

typedef struct SpanList {
  SiteSpan *items;
  size_t n, cap;
} SpanList;

static void add_span(SpanList *l, uint32_t start, uint32_t end, uint8_t phases) {
  SiteSpan s = {start, end, phases};
  ARRAY_PUSH(l->items, l->n, l->cap, s);
}

/* Phase 2 and 3 work at a call: the realtime hook (useRealtime: phases 2 and
 * 3), the provider's hook (phase 3), a deprecated hook (phase 2). */
static uint8_t hook_call_phases(const Project *proj, const Module *m, TSNode call) {
  uint32_t len;
  const char *name = call_callee_name(&m->src, call, &len);
  if (!name || !ts_node_is_null(call_callee_object(call)))
    return 0;
  if (mem_eq_str(name, len, "useRealtime"))
    return PHASE_BIT(2) | PHASE_BIT(3);
  if (mem_eq_str(name, len, "useOrganizationRealtimeContext"))
    return PHASE_BIT(3);
  for (size_t i = 0; proj->std && i < proj->std->nhooks; i++)
    if (mem_eq_str(name, len, proj->std->hooks[i].hook))
      return PHASE_BIT(2);
  return 0;
}

typedef struct IndicatorWalk {
  const Source *src;
  SpanList *spans;
} IndicatorWalk;

static bool ends_with_indicator(const Source *src, TSNode id) {
  static const char suffix[] = "TypingIndicator";
  uint32_t len;
  const char *t = node_text(src, id, &len);
  return len >= sizeof suffix - 1 &&
         memcmp(t + len - (sizeof suffix - 1), suffix, sizeof suffix - 1) == 0;
}

/* Phase 4 work: each typing-indicator component defined (a duplicate is a
 * finding there) and each use of the canonical <TypingIndicator>. */
static bool indicator_visit(TSNode n, void *data) {
  IndicatorWalk *w = data;
  TSNode name = {0};
  if (node_is(n, "function_declaration") || node_is(n, "class_declaration") ||
      node_is(n, "variable_declarator")) {
    name = node_field(n, "name");
    if (!ts_node_is_null(name) && ends_with_indicator(w->src, name))
      add_span(w->spans, ts_node_start_byte(name), ts_node_end_byte(name), PHASE_BIT(4));
  } else if (node_is(n, "jsx_opening_element") || node_is(n, "jsx_self_closing_element")) {
    name = node_field(n, "name");
    if (!ts_node_is_null(name) && node_text_eq(w->src, name, "TypingIndicator"))
      add_span(w->spans, ts_node_start_byte(n), ts_node_end_byte(n), PHASE_BIT(4));
  }
  return true;
}

void site_spans_of(const Project *proj, const Module *m, const Facts *f, SiteSpan **out,
                   size_t *n) {
  SpanList spans = {0};
  if (!may_hold_sites(proj, m)) { /* as module_site_spans decides without parsing */
    *out = xcalloc(1, sizeof **out);
    *n = 0;
    return;
  }
  bool component = path_is_component_code(m->app_path);
  for (size_t i = 0; i < f->nchannels; i++)
    add_span(&spans, ts_node_start_byte(f->channels[i].call), ts_node_end_byte(f->channels[i].arg),
             PHASE_BIT(PHASE_ALL) | (component ? PHASE_BIT(3) : 0));
  for (size_t i = 0; i < f->nevents; i++) {
    uint32_t start = ts_node_start_byte(f->events[i].call),
             end = ts_node_end_byte(f->events[i].arg);
    if (end < start) /* comparison sites: the argument comes first */
      start = ts_node_start_byte(f->events[i].arg);
    add_span(&spans, start, end, PHASE_BIT(1));
  }
  for (size_t i = 0; i < f->ncalls; i++) {
    uint8_t phases = hook_call_phases(proj, m, f->calls[i]);
    if (phases)
      add_span(&spans, ts_node_start_byte(f->calls[i]), ts_node_end_byte(f->calls[i]), phases);
  }
  if (strstr(m->src.bytes, "TypingIndicator")) {
    IndicatorWalk w = {&m->src, &spans};
    ast_walk(ts_tree_root_node(m->tree), indicator_visit, &w);
  }
  *out = spans.items ? spans.items : xcalloc(1, sizeof **out);
  *n = spans.n;
}

void module_site_spans(const Project *proj, Module *m, SiteSpan **out, size_t *n) {
  if (!may_hold_sites(proj, m)) {
    *out = xcalloc(1, sizeof **out);
    *n = 0;
    return;
  }
  project_hold(m); /* parses it: the prefilter may have skipped it */
  Arena arena = {0};
  Facts f;
  facts_collect(&f, m, &arena);
  site_spans_of(proj, m, &f, out, n);
  arena_free(&arena);
  project_release(m);
  project_drop_tree(m); /* not needed again */
}

/* The smallest span of phase p's work holding `byte`, or -1. */
static long site_for(const FileFacts *f, uint32_t byte, int p) {
  long best = -1;
  uint32_t best_len = UINT32_MAX;
  for (size_t i = 0; i < f->nsites; i++) {
    const SiteSpan *s = &f->sites[i];
    if ((s->phases & PHASE_BIT(p)) && byte >= s->start && byte < s->end &&
        s->end - s->start < best_len) {
      best = (long)i;
      best_len = s->end - s->start;
    }
  }
  return best;
}

static int phase_of(const RuleMeta *r) {
  return r->phase >= 0 && r->phase < REPORT_PHASES ? r->phase : PHASE_ALL;
}

static void finish_phase(PhaseStats *p) {
  p->units = p->sites + p->unplaced;
  p->done = p->sites - p->sites_pending;
  p->needs_human = p->findings - p->fixable;
  p->pct_tenths = p->units ? (int)((p->done * 1000) / p->units) : 1000;
}

/* The total is the phases' work together: its units and done places are
 * their sums, so its percentage lies between theirs. */
static void finish_total(PhaseStats *t, const PhaseStats *phases) {
  t->sites = t->sites_pending = t->unplaced = 0;
  for (int p = 0; p < REPORT_PHASES; p++) {
    t->sites += phases[p].sites;
    t->sites_pending += phases[p].sites_pending;
    t->unplaced += phases[p].unplaced;
  }
  finish_phase(t);
}

static GroupStats *group_get(GroupStats **arr, size_t *n, size_t *cap, const char *name) {
  for (size_t i = *n; i-- > 0;)
    if (strcmp((*arr)[i].name, name) == 0)
      return &(*arr)[i];
  grow_array((void **)arr, cap, *n + 1, sizeof **arr);
  GroupStats *g = &(*arr)[(*n)++];
  memset(g, 0, sizeof *g);
  g->name = xstrdup(name);
  return g;
}

static char *dir_key(const char *path, int depth) {
  const char *end = path;
  const char *p = path;
  for (int d = 0; d < depth; d++) {
    const char *slash = strchr(p, '/');
    if (!slash)
      break;
    end = slash;
    p = slash + 1;
  }
  return end == path ? xstrdup(".") : xstrndup(path, (size_t)(end - path));
}

static int group_by_findings(const void *pa, const void *pb) {
  const GroupStats *a = pa, *b = pb;
  if (a->findings != b->findings)
    return a->findings > b->findings ? -1 : 1;
  return strcmp(a->name, b->name);
}

static const FileFacts *find_file(const ReportInput *in, const char *path) {
  size_t lo = 0, hi = in->nfiles;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(in->files[mid].path, path);
    if (c == 0)
      return &in->files[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

void report_snapshot(const ReportInput *in, Snapshot *s) {
  memset(s, 0, sizeof *s);
  s->files = in->nfiles;
  s->notices = in->nnotices;
  s->standards_source = xstrdup(in->standards_source ? in->standards_source : "built-in catalog");
  s->standards_learned = in->standards_learned;
  s->dir_depth = in->dir_depth > 0 ? in->dir_depth : 1;
  s->total.phase = -1;
  for (int p = 0; p < REPORT_PHASES; p++)
    s->phases[p].phase = p;
  s->nrules = rules_count;
  s->rules = xcalloc(rules_count + 1, sizeof *s->rules);
  for (size_t i = 0; i < rules_count; i++) {
    s->rules[i].rule = rules_all[i];
    s->rules[i].enabled = !in->sel || in->sel->severity[i] != SEV_OFF;
    if (s->rules[i].enabled) {
      s->phases[phase_of(rules_all[i])].rules++;
      s->total.rules++;
    }
  }
  /* Work places: every linted file's, each counted for its phases, with one
   * pending bit per phase. */
  size_t dcap = 0, fcap = 0, xcap = 0;
  for (size_t i = 0; i < in->nfiles; i++) {
    s->sites += in->files[i].nsites;
    for (size_t k = 0; k < in->files[i].nsites; k++)
      for (int p = 0; p < REPORT_PHASES; p++)
        s->phases[p].sites += (in->files[i].sites[k].phases & PHASE_BIT(p)) != 0;
    char *key = dir_key(in->files[i].path, s->dir_depth);
    group_get(&s->dirs, &s->ndirs, &dcap, key)->files++;
    free(key);
  }

  const char *last_path = NULL;
  const char *last_phase_path[REPORT_PHASES] = {0};
  const char **last_rule_path = xcalloc(rules_count + 1, sizeof *last_rule_path);
  const FileFacts *cur = NULL;
  uint8_t *pending = NULL; /* per site of cur */
  GroupStats *file_group = NULL, *fix_group = NULL;
  for (size_t i = 0; i <= in->ndiags; i++) {
    const FlatDiag *d = i < in->ndiags ? &in->diags[i] : NULL;
    bool new_file = !d || !last_path || strcmp(d->path, last_path) != 0;
    if (new_file && pending && cur) {
      for (size_t k = 0; k < cur->nsites; k++)
        for (int p = 0; p < REPORT_PHASES; p++)
          if (pending[k] & PHASE_BIT(p))
            s->phases[p].sites_pending++;
    }
    if (!d)
      break;
    if (new_file) {
      free(pending);
      cur = find_file(in, d->path);
      pending = cur ? xcalloc(cur->nsites + 1, 1) : NULL;
      s->files_with_findings++;
      grow_array((void **)&s->top_files, &fcap, s->ntop + 1, sizeof *s->top_files);
      file_group = &s->top_files[s->ntop++];
      memset(file_group, 0, sizeof *file_group);
      file_group->name = xstrdup(d->path);
      file_group->files = 1;
      fix_group = NULL;
      last_path = d->path;
    }
    int p = phase_of(d->rule);
    size_t ri = rules_index(d->rule);
    bool safe = d->fix == FIX_SAFE;
    s->findings++;
    if (d->severity == SEV_ERROR)
      s->errors++;
    else
      s->warnings++;
    if (safe)
      s->fixable++;
    else if (d->fix == FIX_SUGGESTION)
      s->suggestions++;
    PhaseStats *ps[2] = {&s->phases[p], &s->total};
    for (int k = 0; k < 2; k++) {
      ps[k]->findings++;
      ps[k]->errors += d->severity == SEV_ERROR;
      ps[k]->warnings += d->severity != SEV_ERROR;
      ps[k]->fixable += safe;
      ps[k]->suggestions += d->fix == FIX_SUGGESTION;
    }
    if (!last_phase_path[p] || strcmp(last_phase_path[p], d->path) != 0) {
      s->phases[p].files++;
      last_phase_path[p] = d->path;
    }
    if (new_file)
      s->total.files++;
    RuleStats *rs = &s->rules[ri];
    rs->findings++;
    rs->fixable += safe;
    rs->suggestions += d->fix == FIX_SUGGESTION;
    if (!last_rule_path[ri] || strcmp(last_rule_path[ri], d->path) != 0) {
      rs->files++;
      last_rule_path[ri] = d->path;
    }
    long site = cur ? site_for(cur, d->start, p) : -1;
    if (site >= 0)
      pending[site] |= PHASE_BIT(p);
    else
      s->phases[p].unplaced++;
    file_group->findings++;
    file_group->errors += d->severity == SEV_ERROR;
    file_group->fixable += safe;
    char *key = dir_key(d->path, s->dir_depth);
    GroupStats *g = group_get(&s->dirs, &s->ndirs, &dcap, key);
    free(key);
    g->findings++;
    g->errors += d->severity == SEV_ERROR;
    g->fixable += safe;
    if (safe) {
      if (!fix_group) {
        grow_array((void **)&s->fix_files, &xcap, s->nfix_files + 1, sizeof *s->fix_files);
        fix_group = &s->fix_files[s->nfix_files++];
        memset(fix_group, 0, sizeof *fix_group);
        fix_group->name = xstrdup(d->path);
        fix_group->files = 1;
      }
      fix_group->findings++;
      fix_group->fixable++;
    }
  }
  free(pending);
  free(last_rule_path);
  for (size_t i = 0; i < s->nrules; i++)
    s->rules[i].needs_human = s->rules[i].findings - s->rules[i].fixable;
  for (size_t i = 0; i < s->ndirs; i++)
    s->dirs[i].needs_human = s->dirs[i].findings - s->dirs[i].fixable;
  for (size_t i = 0; i < s->ntop; i++)
    s->top_files[i].needs_human = s->top_files[i].findings - s->top_files[i].fixable;
  for (int p = 0; p < REPORT_PHASES; p++)
    finish_phase(&s->phases[p]);
  finish_total(&s->total, s->phases);
  s->needs_human = s->findings - s->fixable;
  if (s->ndirs > 1)
    qsort(s->dirs, s->ndirs, sizeof *s->dirs, group_by_findings);
  if (s->ntop > 1)
    qsort(s->top_files, s->ntop, sizeof *s->top_files, group_by_findings);
  for (size_t i = REPORT_TOP_FILES; i < s->ntop; i++)
    free(s->top_files[i].name);
  if (s->ntop > REPORT_TOP_FILES)
    s->ntop = REPORT_TOP_FILES;
}

static void groups_free(GroupStats *g, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(g[i].name);
  free(g);
}

void snapshot_free(Snapshot *s) {
  free(s->rules);
  groups_free(s->dirs, s->ndirs);
  groups_free(s->top_files, s->ntop);
  groups_free(s->fix_files, s->nfix_files);
  free(s->standards_source);
  memset(s, 0, sizeof *s);
}

void snapshot_drop_details(Snapshot *s) {
  free(s->rules);
  groups_free(s->dirs, s->ndirs);
  groups_free(s->top_files, s->ntop);
  groups_free(s->fix_files, s->nfix_files);
  s->rules = NULL;
  s->dirs = s->top_files = s->fix_files = NULL;
  s->nrules = s->ndirs = s->ntop = s->nfix_files = 0;
}

void report_free(Report *r) {
  snapshot_free(&r->now);
  for (size_t i = 0; i < r->nhistory; i++) {
    free(r->history[i].subject);
    snapshot_free(&r->history[i].snap);
  }
  free(r->history);
  free(r->history_stop);
  free(r->compare_path);
  json_decref(r->graph);
  memset(r, 0, sizeof *r);
}

static bool get_size(json_t *obj, const char *key, size_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_integer(v) || json_integer_value(v) < 0)
    return false;
  *out = (size_t)json_integer_value(v);
  return true;
}

static bool get_pct(json_t *obj, const char *key, int *out) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_number(v))
    return false;
  double x = json_number_value(v) * 10.0;
  *out = (int)(x < 0 ? x - 0.5 : x + 0.5);
  return true;
}

bool report_load_prev(const char *path, PrevReport *prev, char **err) {
  memset(prev, 0, sizeof *prev);
  json_error_t jerr;
  char *bytes;
  size_t len;
  const char *why = NULL;
  if (!fsio_read_file(AT_FDCWD, path, 0, SIZE_MAX / 4, &bytes, &len, &why)) {
    *err = xasprintf("--compare %s: %s", path, why ? why : "No such file or directory");
    return false;
  }
  json_t *root = json_loadb(bytes, len, 0, &jerr);
  free(bytes);
  if (!root) {
    *err = xasprintf("--compare %s: %s", path, jerr.text);
    return false;
  }
  json_t *totals = json_object_get(root, "totals");
  bool ok = json_is_object(totals) && get_size(totals, "files", &prev->files) &&
            get_size(totals, "findings", &prev->findings) &&
            get_size(totals, "fixable", &prev->fixable) &&
            get_size(totals, "needs_human", &prev->needs_human) &&
            get_size(totals, "files_with_findings", &prev->files_with_findings) &&
            get_pct(totals, "percent_done", &prev->pct_tenths);
  if (!ok) {
    *err = xasprintf("--compare %s: not an rtlint report JSON (no usable \"totals\")", path);
    json_decref(root);
    return false;
  }
  size_t i;
  json_t *ph;
  json_array_foreach(json_object_get(root, "phases"), i, ph) {
    size_t p;
    if (!get_size(ph, "phase", &p) || p >= REPORT_PHASES)
      continue;
    if (get_size(ph, "findings", &prev->phase_findings[p]) &&
        get_pct(ph, "percent_done", &prev->phase_pct_tenths[p]))
      prev->has_phase[p] = true;
  }
  prev->present = true;
  json_decref(root);
  return true;
}
