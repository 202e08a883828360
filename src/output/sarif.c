/* SARIF 2.1.0 (OASIS): one run, every registered rule in tool.driver.rules,
 * results with UTF-16 columns (the SARIF default column kind), stable
 * partialFingerprints, fixes, and file problems as tool execution
 * notifications. Validated in the tests against the official schema and with
 * Microsoft's SARIF multitool (default and GitHub rule sets). */
#include "output/output.h"

#include "core/embedded.h"
#include "core/util.h"
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

/* artifactLocation: relative to %SRCROOT% (the working directory) when the
 * display path is relative, an absolute file URI otherwise. */
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
static char *full_description(const RuleMeta *r, const char *doc) {
  static const char heading[] = "\n## Why is this bad?\n";
  StrBuf sb = {0};
  sb_append(&sb, r->summary);
  const char *h = doc ? strstr(doc, heading) : NULL;
  if (h) {
    const char *p = h + strlen(heading);
    const char *end = strstr(p, "\n\n");
    if (!end)
      end = p + strlen(p);
    sb_putc(&sb, ' ');
    for (; p < end; p++)
      sb_putc(&sb, *p == '\n' ? ' ' : *p);
  }
  return sb_take(&sb);
}

static json_t *rule_descriptor(const RuleMeta *r) {
  char url[256];
  char *name = pascal_case(r->id);
  char *doc_path = xasprintf("docs/rules/%s.md", r->id);
  const EmbeddedFile *doc = embedded_find(doc_path);
  char *full = full_description(r, doc ? doc->data : NULL);
  char *tag =
      r->phase == PHASE_ALL ? xstrdup("all-phases") : xasprintf("migration-phase-%d", r->phase);
  const char *help_md = doc ? doc->data : r->summary;
  json_t *o = json_pack(
      "{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s, s:s}, s:s, s:{s:s}, s:{s:[s, s], s:i, s:s}}", "id",
      r->id, "name", name, "shortDescription", "text", r->summary, "fullDescription", "text", full,
      "help", "text", help_md, "markdown", help_md, "helpUri", rules_doc_url(r, url, sizeof url),
      "defaultConfiguration", "level", level(r->default_severity), "properties", "tags", "realtime",
      tag, "phase", r->phase, "fixable", fix_applicability_name(r->fixable));
  free(tag);
  free(full);
  free(doc_path);
  free(name);
  return o;
}

static json_t *driver(void) {
  json_t *rules = json_array();
  for (size_t i = 0; i < rules_count; i++)
    json_array_append_new(rules, rule_descriptor(rules_all[i]));
  return json_pack("{s:s, s:s, s:s, s:s, s:o}", "name", "rtlint", "version", RTLINT_VERSION,
                   "semanticVersion", RTLINT_VERSION, "informationUri", RTLINT_REPO_URL, "rules",
                   rules);
}

static json_t *fixes(const Diag *d) {
  const Fix *fix = &d->fix;
  if (fix->applicability == FIX_NONE || fix->nedits == 0)
    return NULL;
  json_t *replacements = json_array();
  for (size_t i = 0; i < fix->nedits; i++) {
    const Edit *e = &fix->edits[i];
    json_array_append_new(replacements, json_pack("{s:o, s:{s:s}}", "deletedRegion",
                                                  region(d->src, e->start, e->end, false),
                                                  "insertedContent", "text", e->text));
  }
  return json_pack("[{s:{s:s}, s:[{s:o, s:o}], s:{s:s}}]", "description", "text",
                   fix->title ? fix->title : "", "artifactChanges", "artifactLocation",
                   artifact_location(d->src->path), "replacements", replacements, "properties",
                   "applicability", fix_applicability_name(fix->applicability));
}

static json_t *step_location(const DiagStep *s) {
  return json_pack("{s:{s:o, s:{s:i, s:i}}, s:{s:s}}", "physicalLocation", "artifactLocation",
                   artifact_location(s->path), "region", "startLine", (json_int_t)s->line,
                   "startColumn", (json_int_t)s->col_utf16, "message", "text", s->label);
}

/* The trail as related locations, and as one thread flow starting at the
 * finding: the argument, each function the name passes through, the sink. */
static void add_trail(json_t *o, const Diag *d) {
  if (d->ntrail == 0)
    return;
  json_t *related = json_array();
  json_t *flow = json_array();
  json_array_append_new(
      flow, json_pack("{s:{s:{s:o, s:o}, s:{s:s}}}", "location", "physicalLocation",
                      "artifactLocation", artifact_location(d->src->path), "region",
                      region(d->src, d->start, d->end, false), "message", "text", "passed here"));
  for (size_t i = 0; i < d->ntrail; i++) {
    json_t *loc = step_location(&d->trail[i]);
    json_array_append_new(flow, json_pack("{s:O}", "location", loc));
    json_object_set_new(loc, "id", json_integer((json_int_t)i + 1));
    json_array_append_new(related, loc);
  }
  json_object_set_new(o, "relatedLocations", related);
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
  add_trail(o, d);
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

void output_sarif(FILE *f, const LintResult *r, const OutputOptions *opt) {
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

  /* A notice's kind is a notification descriptor, never a rule (ruleId). */
  json_t *notifications = json_array();
  for (size_t i = 0; output_notices_shown(opt) && i < r->notices.n; i++)
    json_array_append_new(notifications, notification(&r->notices.items[i]));

  json_t *run = json_pack("{s:{s:o}}", "tool", "driver", driver());
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
