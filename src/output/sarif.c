/* SARIF 2.1.0 (OASIS): one run, every registered rule in tool.driver.rules,
 * results with UTF-16 columns (the SARIF default column kind), stable
 * partialFingerprints, fixes, and file problems as tool execution
 * notifications. For GitHub code scanning: artifact URIs relative to the
 * project root (%SRCROOT%), rule help as plain text and as Markdown with
 * absolute links, automationDetails.id from --sarif-category, and at most
 * SARIF_MAX_RESULTS results. Validated in the tests against the official
 * schema and with Microsoft's SARIF multitool (default and GitHub rule
 * sets). */
#include "output/output.h"

#include "core/embedded.h"
#include "core/util.h"
#include "output/doc_text.h"
#include "output/fingerprint.h"
#include "rules/registry.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SRCROOT "%SRCROOT%"

/* Percent-encodes everything but RFC 3986 unreserved characters and '/'. */
static void uri_encode(StrBuf *sb, const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      sb_putc(sb, (char)c);
    } else {
      sb_putc(sb, '%');
      sb_putc(sb, hex[c >> 4]);
      sb_putc(sb, hex[c & 15]);
    }
  }
}

char *output_path_uri(const char *path) {
  StrBuf sb = {0};
  if (path[0] == '/')
    sb_append(&sb, "file://");
  uri_encode(&sb, path);
  return sb_take(&sb);
}

/* artifactLocation: relative to %SRCROOT% (the project root, whatever the
 * working folder) when the path is inside it, an absolute file URI otherwise. */
static json_t *artifact_location(const char *path) {
  char *uri = output_path_uri(path);
  json_t *loc = json_pack("{s:s}", "uri", uri);
  if (path[0] != '/')
    json_object_set_new(loc, "uriBaseId", json_string(SRCROOT));
  free(uri);
  return loc;
}

static json_t *region(const Source *src, uint32_t start, uint32_t end, bool snippet) {
  SrcPos a = src_pos(src, start), b = src_pos(src, end);
  json_t *r = json_pack("{s:i, s:i, s:i, s:i}", "startLine", (json_int_t)a.line, "startColumn",
                        (json_int_t)a.col_utf16, "endLine", (json_int_t)b.line, "endColumn",
                        (json_int_t)b.col_utf16);
  if (snippet)
    json_object_set_new(r, "snippet",
                        json_pack("{s:s%}", "text", src->bytes + start, (size_t)(end - start)));
  return r;
}

static const char *level(Severity s) {
  return s == SEV_ERROR ? "error" : "warning";
}

static char *pascal_case(const char *id) {
  StrBuf sb = {0};
  bool up = true;
  for (const char *p = id; *p; p++) {
    if (*p == '-' || *p == '_') {
      up = true;
      continue;
    }
    sb_putc(&sb, up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
    up = false;
  }
  return sb_take(&sb);
}

/* fullDescription: the summary, then the first paragraph of the page's
 * "## Why is this bad?" section (lines joined): what the rule reports and why. */
static char *full_description(const RuleMeta *r, const char *doc, const char *docs_url,
                              const char *page) {
  static const char heading[] = "\n## Why is this bad?\n";
  StrBuf sb = {0};
  char *summary = doc_plain_text(r->summary, docs_url, page);
  sb_append(&sb, summary);
  free(summary);
  const char *h = doc ? strstr(doc, heading) : NULL;
  if (h) {
    const char *p = h + strlen(heading);
    const char *end = strstr(p, "\n\n");
    if (!end)
      end = p + strlen(p);
    char *paragraph = xstrndup(p, (size_t)(end - p));
    char *plain = doc_plain_text(paragraph, docs_url, page);
    sb_putc(&sb, ' ');
    for (const char *q = plain; *q; q++)
      sb_putc(&sb, *q == '\n' ? ' ' : *q);
    free(plain);
    free(paragraph);
  }
  return sb_take(&sb);
}

/* help.text is plain text and help.markdown Markdown, both with absolute
 * links: code scanning shows them away from the repository. */
static json_t *rule_descriptor(const RuleMeta *r, const char *docs_url) {
  char *name = pascal_case(r->id);
  char *doc_path = xasprintf("docs/rules/%s.md", r->id);
  char *page = xasprintf("rules/%s.md", r->id);
  char *help_uri = xasprintf("%s/%s", docs_url, page);
  const EmbeddedFile *doc = embedded_find(doc_path);
  char *full = full_description(r, doc ? doc->data : NULL, docs_url, page);
  char *tag =
      r->phase == PHASE_ALL ? xstrdup("all-phases") : xasprintf("migration-phase-%d", r->phase);
  char *help_md = doc_markdown_absolute(doc ? doc->data : r->summary, docs_url, page);
  char *help_text = doc_plain_text(doc ? doc->data : r->summary, docs_url, page);
  char *summary = doc_plain_text(r->summary, docs_url, page);
  json_t *o =
      json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s, s:s}, s:s, s:{s:s}, s:{s:[s, s], s:i, s:s}}",
                "id", r->id, "name", name, "shortDescription", "text", summary, "fullDescription",
                "text", full, "help", "text", help_text, "markdown", help_md, "helpUri", help_uri,
                "defaultConfiguration", "level", level(r->default_severity), "properties", "tags",
                "realtime", tag, "phase", r->phase, "fixable", fix_applicability_name(r->fixable));
  free(summary);
  free(help_text);
  free(help_md);
  free(tag);
  free(full);
  free(help_uri);
  free(page);
  free(doc_path);
  free(name);
  return o;
}

static json_t *driver(const char *docs_url) {
  json_t *rules = json_array();
  for (size_t i = 0; i < rules_count; i++)
    json_array_append_new(rules, rule_descriptor(rules_all[i], docs_url));
  return json_pack("{s:s, s:s, s:s, s:s, s:o}", "name", "rtlint", "version", RTLINT_VERSION,
                   "semanticVersion", RTLINT_VERSION, "informationUri", RTLINT_REPO_URL, "rules",
                   rules);
}

/* One artifactChange per file the fix changes, in the order of its first
 * edit there; the replacements in the order of the fix's edits. */
static json_t *fixes(const Diag *d) {
  const Fix *fix = &d->fix;
  if (fix->applicability == FIX_NONE || fix->nedits == 0)
    return NULL;
  json_t *changes = json_array();
  for (size_t i = 0; i < fix->nedits; i++) {
    const Source *in = edit_source(d, &fix->edits[i]);
    bool seen = false;
    for (size_t k = 0; k < i && !seen; k++)
      seen = edit_source(d, &fix->edits[k]) == in;
    if (seen)
      continue;
    json_t *replacements = json_array();
    for (size_t k = i; k < fix->nedits; k++) {
      const Edit *e = &fix->edits[k];
      if (edit_source(d, e) == in)
        json_array_append_new(replacements, json_pack("{s:o, s:{s:s}}", "deletedRegion",
                                                      region(in, e->start, e->end, false),
                                                      "insertedContent", "text", e->text));
    }
    json_array_append_new(changes,
                          json_pack("{s:o, s:o}", "artifactLocation", artifact_location(in->path),
                                    "replacements", replacements));
  }
  return json_pack("[{s:{s:s}, s:o, s:{s:s}}]", "description", "text", fix->title ? fix->title : "",
                   "artifactChanges", changes, "properties", "applicability",
                   fix_applicability_name(fix->applicability));
}

static json_t *step_location(const DiagStep *s) {
  return json_pack("{s:{s:o, s:{s:i, s:i}}, s:{s:s}}", "physicalLocation", "artifactLocation",
                   artifact_location(s->path), "region", "startLine", (json_int_t)s->line,
                   "startColumn", (json_int_t)s->col_utf16, "message", "text", s->label);
}

/* The trail as related locations, and as one thread flow starting at the
 * finding: the argument, each function the name passes through, the sink;
 * then the finding's other related locations, numbered on. */
static void add_related(json_t *o, const Diag *d) {
  if (d->ntrail == 0 && d->nrelated == 0)
    return;
  json_t *related = json_array();
  for (size_t i = 0; i < d->nrelated; i++) {
    json_t *loc = step_location(&d->related[i]);
    json_object_set_new(loc, "id", json_integer((json_int_t)(d->ntrail + i + 1)));
    json_array_append_new(related, loc);
  }
  json_object_set_new(o, "relatedLocations", related);
  if (d->ntrail == 0)
    return;
  json_t *flow = json_array();
  json_array_append_new(
      flow, json_pack("{s:{s:{s:o, s:o}, s:{s:s}}}", "location", "physicalLocation",
                      "artifactLocation", artifact_location(d->src->path), "region",
                      region(d->src, d->start, d->end, false), "message", "text", "passed here"));
  for (size_t i = 0; i < d->ntrail; i++) {
    json_t *loc = step_location(&d->trail[i]);
    json_array_append_new(flow, json_pack("{s:O}", "location", loc));
    json_object_set_new(loc, "id", json_integer((json_int_t)i + 1));
    json_array_insert_new(related, i, loc);
  }
  json_object_set_new(o, "codeFlows", json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", flow));
}

static json_t *result(const Diag *d, Fingerprinter *fp) {
  char fingerprint[FINGERPRINT_SIZE];
  json_t *o = json_pack("{s:s, s:i, s:s, s:{s:s}, s:[{s:{s:o, s:o}}], s:{s:s}}", "ruleId",
                        d->rule->id, "ruleIndex", (json_int_t)rules_index(d->rule), "level",
                        level(d->severity), "message", "text", d->message, "locations",
                        "physicalLocation", "artifactLocation", artifact_location(d->src->path),
                        "region", region(d->src, d->start, d->end, true), "partialFingerprints",
                        "rtlintFingerprint/v1", fingerprint_diag(fp, d, fingerprint));
  add_related(o, d);
  json_t *fx = fixes(d);
  if (fx)
    json_object_set_new(o, "fixes", fx);
  if (d->help)
    json_object_set_new(o, "properties", json_pack("{s:s}", "help", d->help));
  if (d->suppressed) {
    json_t *sup = json_pack("{s:s}", "kind", "inSource");
    if (d->suppress_reason && *d->suppress_reason)
      json_object_set_new(sup, "justification", json_string(d->suppress_reason));
    json_object_set_new(o, "suppressions", json_pack("[o]", sup));
  }
  if (d->baseline_state != BASELINE_NONE)
    json_object_set_new(o, "baselineState",
                        json_string(d->baseline_state == BASELINE_UNCHANGED ? "unchanged" : "new"));
  return o;
}

static json_t *notification(const Notice *n) {
  json_t *loc = json_pack("{s:o}", "artifactLocation", artifact_location(n->path));
  /* Notice columns count code points, not UTF-16 units: report the line only. */
  if (n->line)
    json_object_set_new(loc, "region", json_pack("{s:i}", "startLine", (json_int_t)n->line));
  return json_pack("{s:s, s:{s:s}, s:{s:s}, s:[{s:o}]}", "level", "warning", "message", "text",
                   n->message, "descriptor", "id", n->kind, "locations", "physicalLocation", loc);
}

/* Which results to keep when there are more than code scanning takes: the
 * findings that count (neither suppressed nor already in the baseline)
 * before the others, errors before warnings, then by path and position (the
 * order results are written in). Read from the results themselves, so that
 * `rtlint merge` ranks shards' results alike. */
typedef struct Ranked {
  bool quiet;      /* suppressed or unchanged since the baseline */
  bool warning;    /* level is not error */
  const char *uri; /* the first location's */
  size_t index;
} Ranked;

static int rank_cmp(const void *a, const void *b) {
  const Ranked *x = a, *y = b;
  if (x->quiet != y->quiet)
    return x->quiet ? 1 : -1;
  if (x->warning != y->warning)
    return x->warning ? 1 : -1;
  int c = strcmp(x->uri, y->uri);
  if (c)
    return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

static Ranked rank_of(json_t *res, size_t index) {
  json_t *loc =
      json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
  const char *uri =
      json_string_value(json_object_get(json_object_get(loc, "artifactLocation"), "uri"));
  const char *state = json_string_value(json_object_get(res, "baselineState"));
  const char *lvl = json_string_value(json_object_get(res, "level"));
  return (Ranked){.quiet = json_array_size(json_object_get(res, "suppressions")) > 0 ||
                           (state && strcmp(state, "unchanged") == 0),
                  .warning = !lvl || strcmp(lvl, "error") != 0,
                  .uri = uri ? uri : "",
                  .index = index};
}

size_t output_sarif_cap(json_t *results) {
  size_t n = json_array_size(results);
  if (n <= SARIF_MAX_RESULTS)
    return 0;
  Ranked *ranked = xmalloc(n * sizeof *ranked);
  for (size_t i = 0; i < n; i++)
    ranked[i] = rank_of(json_array_get(results, i), i);
  qsort(ranked, n, sizeof *ranked, rank_cmp);
  bool *keep = xcalloc(n, sizeof *keep);
  for (size_t i = 0; i < SARIF_MAX_RESULTS; i++)
    keep[ranked[i].index] = true;
  json_t *kept = json_array();
  for (size_t i = 0; i < n; i++)
    if (keep[i])
      json_array_append(kept, json_array_get(results, i));
  json_array_clear(results);
  json_array_extend(results, kept);
  json_decref(kept);
  free(keep);
  free(ranked);
  return n - SARIF_MAX_RESULTS;
}

json_t *output_sarif_truncation_notice(size_t left_out, size_t total) {
  char *text = xasprintf("%zu of %zu results were left out: GitHub code scanning accepts at most "
                         "%d results per run. The %d kept are the findings that count before "
                         "suppressed and baseline ones, errors before warnings, then by path; "
                         "use --format json or text for the full list",
                         left_out, total, SARIF_MAX_RESULTS, SARIF_MAX_RESULTS);
  json_t *o = json_pack("{s:s, s:{s:s}, s:{s:s}, s:{s:I, s:I}}", "level", "warning", "message",
                        "text", text, "descriptor", "id", SARIF_TRUNCATED_ID, "properties",
                        "leftOut", (json_int_t)left_out, "total", (json_int_t)total);
  free(text);
  return o;
}

void output_sarif(FILE *f, const LintResult *r, const OutputOptions *opt) {
  /* "https://host/docs/" and ".../docs" alike: links are joined with '/'. */
  char *docs_url = xstrdup(opt->docs_url ? opt->docs_url : RTLINT_DOCS_URL);
  for (size_t n = strlen(docs_url); n && docs_url[n - 1] == '/'; n--)
    docs_url[n - 1] = '\0';
  json_t *results = json_array();
  Fingerprinter fp;
  fingerprint_init(&fp);
  /* Suppressed and baseline findings are results too (with suppressions and
   * baselineState), and every finding takes part in the occurrence counts,
   * so fingerprints agree with the baseline file. */
  for (size_t i = 0; i < r->diags.n; i++) {
    const Diag *d = &r->diags.items[i];
    json_t *res = result(d, &fp);
    if (!opt->quiet || d->severity == SEV_ERROR)
      json_array_append_new(results, res);
    else
      json_decref(res);
  }
  fingerprint_free(&fp);
  size_t total = json_array_size(results);
  size_t left_out = output_sarif_cap(results);

  /* A notice's kind is a notification descriptor, never a rule (ruleId). */
  json_t *notifications = json_array();
  if (left_out)
    json_array_append_new(notifications, output_sarif_truncation_notice(left_out, total));
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++)
    json_array_append_new(notifications, notification(&r->notices.items[i]));

  json_t *run = json_pack("{s:{s:o}}", "tool", "driver", driver(docs_url));
  free(docs_url);
  if (opt->sarif_category) {
    /* As github/codeql-action's `category`: the id up to its last '/' is
     * the category, so one without a trailing '/' gets one. */
    size_t len = strlen(opt->sarif_category);
    char *id = xasprintf("%s%s", opt->sarif_category,
                         len && opt->sarif_category[len - 1] == '/' ? "" : "/");
    json_object_set_new(run, "automationDetails", json_pack("{s:s}", "id", id));
    free(id);
  }
  if (opt->root) {
    StrBuf root = {0};
    sb_append(&root, "file://");
    uri_encode(&root, opt->root);
    if (root.len && root.data[root.len - 1] != '/')
      sb_putc(&root, '/');
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:s}}", SRCROOT, "uri", sb_cstr(&root)));
    sb_free(&root);
  }
  json_object_set_new(run, "invocations",
                      json_pack("[{s:b, s:o}]", "executionSuccessful", 1,
                                "toolExecutionNotifications", notifications));
  json_object_set_new(run, "columnKind", json_string("utf16CodeUnits"));
  json_object_set_new(run, "results", results);

  json_t *root =
      json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
  json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', f);
  json_decref(root);
}
