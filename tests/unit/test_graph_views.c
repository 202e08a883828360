/* The contract graph's views on small documents: the md and dot writers'
 * exact text (escaping included), the report's summary blocks, and documents
 * not in the agreed shape (exit 2, one message on stderr, nothing written). */
#include "test_helpers.h"

#include "graph/views.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A listener for "typing_indicator" on the widget channel, where the API
 * sends "typing:start"; a second sender whose event someone hears. */
static const char seed_bug[] =
    "{\"schema_version\": 1, \"tool\": {\"name\": \"rtlint\", \"version\": \"0.1.0\"},"
    " \"channels\": [{\"id\": \"fn:widget\", \"function\": \"widget\", \"shape\": "
    "\"org:{}:conv:{}\", \"label\": \"UNIFIED_CHANNELS.widget\"}],"
    " \"sites\": ["
    "  {\"id\": \"s1\", \"role\": \"sender\", \"kind\": \"broadcast\", \"channel\": \"fn:widget\","
    "   \"event\": {\"value\": \"typing:start\", \"key\": \"TYPING_START\"},"
    "   \"path\": \"app/api/typing/route.ts\", \"line\": 42, \"column\": 5, \"function\": \"POST\","
    "   \"external\": false},"
    "  {\"id\": \"s2\", \"role\": \"listener\", \"kind\": \"broadcast\", \"channel\": "
    "\"fn:widget\","
    "   \"event\": {\"value\": \"typing_indicator\", \"key\": null},"
    "   \"path\": \"components/Widget.tsx\", \"line\": 27, \"column\": 25, \"function\": null,"
    "   \"external\": false},"
    "  {\"id\": \"s3\", \"role\": \"listener\", \"kind\": \"broadcast\", \"channel\": null,"
    "   \"event\": {\"value\": null, \"key\": null},"
    "   \"path\": \"lib/bus.ts\", \"line\": 3, \"column\": 1, \"function\": \"on\","
    "   \"external\": false}],"
    " \"edges\": [],"
    " \"unmatched\": [{\"site\": \"s1\", \"reason\": \"event-never-heard\"},"
    "  {\"site\": \"s2\", \"reason\": \"event-never-sent\"},"
    "  {\"site\": \"s3\", \"reason\": \"unknown-channel\"}]}";

/* Names that are markup in every format, matched end to end. */
static const char hostile[] =
    "{\"schema_version\": 1, \"tool\": {\"name\": \"rtlint\", \"version\": \"0.1.0\"},"
    " \"channels\": [{\"id\": \"shape:a|b\", \"function\": null, \"shape\": \"a|b\", "
    "\"label\": \"a|b `x` \\\"q\\\" \\\\N &lt;\"}],"
    " \"sites\": ["
    "  {\"id\": \"s1\", \"role\": \"sender\", \"kind\": \"broadcast\", \"channel\": \"shape:a|b\","
    "   \"event\": {\"value\": \"<script>x</script>\", \"key\": null},"
    "   \"path\": \"caf\xc3\xa9/\\u001b[31m.ts\", \"line\": 1, \"column\": 1, \"function\": null,"
    "   \"external\": true},"
    "  {\"id\": \"s2\", \"role\": \"listener\", \"kind\": \"broadcast\", \"channel\": "
    "\"shape:a|b\","
    "   \"event\": {\"value\": \"<script>x</script>\", \"key\": null},"
    "   \"path\": \"b.ts\", \"line\": 2, \"column\": 1, \"function\": \"f_g*\","
    "   \"external\": false}],"
    " \"edges\": [{\"from\": \"s1\", \"to\": \"s2\", \"channel\": \"shape:a|b\", "
    "\"event\": \"<script>x</script>\"}],"
    " \"unmatched\": []}";

static json_t *parse(const char *text) {
  json_error_t err;
  json_t *doc = json_loads(text, 0, &err);
  if (!doc)
    fail_msg("test document: %s", err.text);
  return doc;
}

typedef struct {
  char *out, *err;
  int rc;
} Written;

/* The view written to memory, stderr captured in a temporary file. */
static Written write_view(const char *text, const char *format) {
  json_t *doc = parse(text);
  Written w = {0};
  size_t len = 0;
  FILE *f = open_memstream(&w.out, &len);
  FILE *errf = tmpfile();
  fflush(stderr);
  int saved = dup(fileno(stderr));
  dup2(fileno(errf), fileno(stderr));
  w.rc = graph_view_write(f, doc, format);
  fflush(stderr);
  dup2(saved, fileno(stderr));
  close(saved);
  fclose(f);
  long n = ftell(errf);
  w.err = calloc((size_t)n + 1, 1);
  rewind(errf);
  assert_int_equal(fread(w.err, 1, (size_t)n, errf), (size_t)n);
  fclose(errf);
  json_decref(doc);
  return w;
}

static void written_free(Written *w) {
  free(w->out);
  free(w->err);
}

static char *summary(const char *text, void (*fn)(FILE *, const json_t *)) {
  json_t *doc = text ? parse(text) : NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  fn(f, doc);
  fclose(f);
  json_decref(doc);
  return buf;
}

static void test_md_of_the_seed_bug(void **state) {
  (void)state;
  Written w = write_view(seed_bug, "md");
  assert_int_equal(w.rc, 0);
  assert_string_equal(w.err, "");
  assert_string_equal(
      w.out,
      "# Realtime contract graph\n\n"
      "3 sites (1 sender, 2 listeners) on 1 channel, 0 edges, 3 unmatched ends (1 event never "
      "sent, 1 event never heard, 1 unknown channel).\n\n"
      "## UNIFIED\\_CHANNELS.widget\n\n"
      "Channel fn:widget, shape org:{}:conv:{}.\n\n"
      "| Event | Senders | Listeners | Status |\n|---|---|---|---|\n"
      "| typing:start (UNIFIED\\_EVENTS.TYPING\\_START) | app/api/typing/route.ts:42, POST | "
      "\u2014 | never heard |\n"
      "| typing\\_indicator | \u2014 | components/Widget.tsx:27 | never sent |\n\n"
      "## Unmatched ends\n\n"
      "| Site | Role | Kind | Channel | Event | Reason |\n|---|---|---|---|---|---|\n"
      "| app/api/typing/route.ts:42, POST | sender | broadcast | UNIFIED\\_CHANNELS.widget | "
      "typing:start | event never heard |\n"
      "| components/Widget.tsx:27 | listener | broadcast | UNIFIED\\_CHANNELS.widget | "
      "typing\\_indicator | event never sent |\n\n"
      "## Unknown channels and events\n\n"
      "rtlint could not tell these sites' channel or event, so it matches them with nothing and "
      "reports nothing about them.\n\n"
      "| Site | Role | Kind | Channel | Event |\n|---|---|---|---|---|\n"
      "| lib/bus.ts:3, on | listener | broadcast | unknown channel | unknown event |\n");
  written_free(&w);
}

static void test_md_escapes_markup_and_controls(void **state) {
  (void)state;
  Written w = write_view(hostile, "md");
  assert_int_equal(w.rc, 0);
  assert_non_null(strstr(w.out, "## a\\|b \\`x\\` \"q\" \\\\N \\&lt;\n"));
  assert_non_null(strstr(w.out, "| \\<script\\>x\\</script\\> | caf\xc3\xa9/\\\\x1b\\[31m.ts:1 "
                                "(external) | b.ts:2, f\\_g\\* | matched |\n"));
  assert_null(strstr(w.out, "\x1b"));
  assert_null(strstr(w.out, "<script>"));
  written_free(&w);
}

static void test_dot_of_the_seed_bug(void **state) {
  (void)state;
  Written w = write_view(seed_bug, "dot");
  assert_int_equal(w.rc, 0);
  assert_string_equal(
      w.out,
      "digraph contract {\n"
      "  graph [rankdir=LR, ranksep=1.1, nodesep=0.2, fontname=\"Helvetica\", fontsize=11, "
      "labelloc=t, label=\"rtlint contract graph: 3 sites, 0 edges, 3 unmatched ends\\nred: "
      "unmatched end; grey dotted: unknown channel or event; dashed: external\"];\n"
      "  node [fontname=\"Helvetica\", fontsize=10, shape=box];\n"
      "  edge [color=\"#6b7280\", arrowsize=0.6];\n"
      "  { rank=same;\n"
      "    site1 [label=\"app/api/typing/route.ts:42\\nPOST\\ntyping:start\", "
      "style=\"rounded,filled,bold\", fillcolor=\"#fee2e2\", color=\"#dc2626\", penwidth=2, "
      "tooltip=\"s1: broadcast sender, event never heard\"];\n"
      "    senders [shape=plaintext, fontsize=12, label=\"Senders\"];\n"
      "  }\n"
      "  { rank=same;\n"
      "    row3 [label=\"unknown channel\\nunknown event\", shape=box, style=\"dotted\", "
      "color=\"#9ca3af\", fontcolor=\"#4b5563\"];\n"
      "    row2 [label=\"UNIFIED_CHANNELS.widget\\ntyping_indicator\", shape=box, "
      "style=\"filled,bold\", fillcolor=\"#fee2e2\", color=\"#dc2626\", penwidth=2, "
      "tooltip=\"never sent\"];\n"
      "    row1 [label=\"UNIFIED_CHANNELS.widget\\ntyping:start\", shape=box, "
      "style=\"filled,bold\", fillcolor=\"#fee2e2\", color=\"#dc2626\", penwidth=2, "
      "tooltip=\"never heard\"];\n"
      "    channels [shape=plaintext, fontsize=12, label=\"Channel / event\"];\n"
      "  }\n"
      "  { rank=same;\n"
      "    site3 [label=\"lib/bus.ts:3\\non\\nunknown event\", style=\"rounded,filled,dotted\", "
      "fillcolor=\"#f3f4f6\", color=\"#9ca3af\", tooltip=\"s3: broadcast listener, unknown "
      "channel\"];\n"
      "    site2 [label=\"components/Widget.tsx:27\\ntyping_indicator\", "
      "style=\"rounded,filled,bold\", fillcolor=\"#fee2e2\", color=\"#dc2626\", penwidth=2, "
      "tooltip=\"s2: broadcast listener, event never sent\"];\n"
      "    listeners [shape=plaintext, fontsize=12, label=\"Listeners\"];\n"
      "  }\n"
      "  senders -> channels -> listeners [style=invis];\n"
      "  site1 -> row1 [color=\"#dc2626\", style=bold];\n"
      "  row2 -> site2 [color=\"#dc2626\", style=bold];\n"
      "  row3 -> site3 [color=\"#9ca3af\", style=dotted];\n"
      "}\n");
  written_free(&w);
}

static void test_dot_escapes_quotes_backslashes_entities(void **state) {
  (void)state;
  Written w = write_view(hostile, "dot");
  assert_int_equal(w.rc, 0);
  /* label a|b `x` "q" \N &lt; : the quote and backslash escaped, & doubled
   * as &amp; so dot does not read &lt; as "<". */
  assert_non_null(
      strstr(w.out, "row1 [label=\"a|b `x` \\\"q\\\" \\\\N &amp;lt;\\n<script>x</script>\""));
  assert_non_null(strstr(w.out, "site1 [label=\"caf\xc3\xa9/\\\\x1b[31m.ts:1\\n<script>x</script>"
                                "\\n(external)\", style=\"rounded,filled,dashed\""));
  assert_non_null(strstr(w.out, "  site1 -> row1 [style=dashed];\n  row1 -> site2;\n"));
  assert_null(strstr(w.out, "\x1b"));
  written_free(&w);
}

static void test_html_escapes_every_name(void **state) {
  (void)state;
  Written w = write_view(hostile, "html");
  assert_int_equal(w.rc, 0);
  assert_non_null(strstr(w.out, "&lt;script&gt;x&lt;/script&gt;"));
  assert_non_null(strstr(w.out, "a|b `x` &quot;q&quot; \\N &amp;lt;"));
  /* One <script>: the page's own. */
  const char *first = strstr(w.out, "<script>");
  assert_non_null(first);
  assert_null(strstr(first + 1, "<script>"));
  assert_null(strstr(w.out, "\x1b"));
  assert_non_null(
      strstr(w.out, "<g class=\"site sender kind-broadcast external\" data-site=\"s1\""));
  /* Files in byte order: b.ts is 0, café/... is 1; the edge belongs to both. */
  assert_non_null(strstr(w.out, "<path class=\"edge\" data-from=\"s1\" data-to=\"s2\" "
                                "data-c=\" 0 \" data-f=\" 0 1 \""));
  written_free(&w);
}

/* A row with one side empty is a finding only when one of its ends is: a
 * sender the rules leave alone (no reason) is "no listener known", drawn
 * dashed, not red. */
static void test_row_without_a_finding_is_not_red(void **state) {
  (void)state;
  json_t *doc = parse(seed_bug);
  json_array_remove(json_object_get(doc, "unmatched"), 0); /* s1: event-never-heard */
  char *text = json_dumps(doc, 0);
  json_decref(doc);
  Written w = write_view(text, "md");
  assert_int_equal(w.rc, 0);
  assert_non_null(strstr(w.out,
                         "| typing:start (UNIFIED\\_EVENTS.TYPING\\_START) | "
                         "app/api/typing/route.ts:42, POST | \u2014 | no listener known |\n"));
  assert_non_null(strstr(w.out, "| typing\\_indicator | \u2014 | components/Widget.tsx:27 | never "
                                "sent |\n"));
  written_free(&w);
  w = write_view(text, "dot");
  assert_non_null(strstr(w.out,
                         "row1 [label=\"UNIFIED_CHANNELS.widget\\ntyping:start\", shape=box, "
                         "style=\"filled,dashed\", fillcolor=\"#f9fafb\", tooltip=\"no "
                         "listener known\"];\n"));
  assert_non_null(strstr(w.out, "  site1 -> row1;\n"));
  written_free(&w);
  w = write_view(text, "html");
  assert_non_null(strstr(w.out, "<g class=\"row no-listener\" data-channel=\"fn:widget\""));
  assert_non_null(strstr(w.out, "<g class=\"row never-sent\" data-channel=\"fn:widget\""));
  written_free(&w);
  free(text);
}

static void test_empty_graph(void **state) {
  (void)state;
  const char *empty = "{\"schema_version\": 1, \"tool\": {\"name\": \"rtlint\", \"version\": "
                      "\"0.1.0\"}, \"channels\": [], \"sites\": [], \"edges\": [], "
                      "\"unmatched\": []}";
  Written w = write_view(empty, "md");
  assert_int_equal(w.rc, 0);
  assert_string_equal(w.out, "# Realtime contract graph\n\n"
                             "0 sites (0 senders, 0 listeners) on 0 channels, 0 edges, 0 "
                             "unmatched ends.\n\n"
                             "No realtime sites were found: nothing sends or listens on a "
                             "channel.\n\n"
                             "## Unmatched ends\n\n"
                             "None: every end that names a known channel and event meets "
                             "another.\n\n"
                             "## Unknown channels and events\n\nNone.\n");
  written_free(&w);
  const char *formats[] = {"dot", "html"};
  for (int i = 0; i < 2; i++) {
    w = write_view(empty, formats[i]);
    assert_int_equal(w.rc, 0);
    assert_true(strlen(w.out) > 100);
    written_free(&w);
  }
}

/* Each bad document: exit 2, its message on stderr, nothing on f. */
static void bad(const char *text, const char *format, const char *message) {
  Written w = write_view(text, format);
  assert_int_equal(w.rc, 2);
  assert_string_equal(w.out, "");
  if (!strstr(w.err, message))
    fail_msg("expected \"%s\" in \"%s\"", message, w.err);
  written_free(&w);
}

static void test_bad_documents(void **state) {
  (void)state;
  bad("[]", "md",
      "not a contract graph document (schema_version 1): the document is not a "
      "JSON object\n");
  bad("{\"schema_version\": 2}", "dot", "schema_version is not 1");
  bad("{\"schema_version\": 1, \"tool\": {}, \"channels\": [], \"sites\": [], \"edges\": []}",
      "html", "the document has no \"unmatched\"");
  bad("{\"schema_version\": 1, \"tool\": {}, \"channels\": [], \"sites\": [{\"id\": \"s1\"}], "
      "\"edges\": [], \"unmatched\": []}",
      "md", "sites[0] has no \"role\"");
  bad("{\"schema_version\": 1, \"tool\": {}, \"channels\": [], \"sites\": [{\"id\": \"s1\", "
      "\"role\": \"talker\"}], \"edges\": [], \"unmatched\": []}",
      "md", "sites[0].role is \"talker\", not one of the agreed values");
  bad("{\"schema_version\": 1, \"tool\": {}, \"channels\": [], \"sites\": [], \"edges\": "
      "[{\"from\": "
      "\"s1\"}], \"unmatched\": []}",
      "md", "edges[0].from \"s1\" is not a sites[].id");
  bad("{\"schema_version\": 1, \"tool\": {}, \"channels\": {}, \"sites\": [], \"edges\": [], "
      "\"unmatched\": []}",
      "md", "\"channels\" is not an array");
  /* s1 is a sender: an edge must go from a sender to a listener. */
  char *swapped = strdup(hostile);
  char *from = strstr(swapped, "{\"from\": \"s1\", \"to\": \"s2\"");
  const char *reversed = "{\"from\": \"s2\", \"to\": \"s1\"";
  memcpy(from, reversed, strlen(reversed));
  bad(swapped, "md", "edges[0] does not go from a sender to a listener");
  free(swapped);
  Written w = write_view(seed_bug, "svg");
  assert_int_equal(w.rc, 2);
  assert_string_equal(w.out, "");
  assert_string_equal(w.err, "rtlint: graph: unknown view format 'svg' (dot, md or html)\n");
  written_free(&w);
}

static void test_summary_md(void **state) {
  (void)state;
  char *md = summary(seed_bug, graph_summary_md);
  assert_string_equal(md, "### Realtime contract\n\n"
                          "3 sites (1 sender, 2 listeners) on 1 channel, 0 edges, 3 unmatched "
                          "ends (1 event never sent, 1 event never heard, 1 unknown channel).\n\n"
                          "- app/api/typing/route.ts:42: event never heard, sends typing:start on "
                          "UNIFIED\\_CHANNELS.widget\n"
                          "- components/Widget.tsx:27: event never sent, hears typing\\_indicator "
                          "on UNIFIED\\_CHANNELS.widget\n\n"
                          "The full graph: `rtlint graph --format html` (also `--format dot`, "
                          "`md` or `json`).\n");
  free(md);
  md = summary("{\"schema_version\": 3}", graph_summary_md);
  assert_string_equal(md, "### Realtime contract\n\nThe contract graph could not be read: "
                          "schema\\_version is not 1 (this rtlint reads version 1 of the "
                          "graph).\n");
  free(md);
  md = summary(NULL, graph_summary_md);
  assert_string_equal(md, "");
  free(md);
}

static void test_summary_html(void **state) {
  (void)state;
  char *h = summary(seed_bug, graph_summary_html);
  assert_string_equal(
      h, "<section id=\"contract-graph\"><h2>Realtime contract</h2>\n"
         "<p><b id=\"graph-sites\">3</b> sites (1 sender, 2 listeners, 0 external), "
         "<b id=\"graph-edges\">0</b> edges, <b id=\"graph-unmatched\">3</b> unmatched ends ("
         "<span data-reason=\"event-never-sent\">1 event never sent</span>, "
         "<span data-reason=\"event-never-heard\">1 event never heard</span>, "
         "<span data-reason=\"unknown-channel\">1 unknown channel</span>).</p>\n"
         "<ul id=\"graph-unmatched-ends\">\n"
         "<li data-reason=\"event-never-heard\"><code>app/api/typing/route.ts:42</code>: event "
         "never heard, sends <code>typing:start</code> on <code>UNIFIED_CHANNELS.widget</code>"
         "</li>\n"
         "<li data-reason=\"event-never-sent\"><code>components/Widget.tsx:27</code>: event never "
         "sent, hears <code>typing_indicator</code> on <code>UNIFIED_CHANNELS.widget</code></li>\n"
         "</ul>\n"
         "<p class=\"muted\">The full graph, filterable by channel and file: <code>rtlint graph "
         "--format html</code>.</p></section>\n");
  free(h);
  h = summary(hostile, graph_summary_html);
  assert_null(strstr(h, "<script>"));
  free(h);
}

/* Past 50 unmatched ends the summary says how many more, and where to see
 * them all. */
static void test_summary_caps_the_list(void **state) {
  (void)state;
  json_t *doc = parse(seed_bug);
  json_t *sites = json_object_get(doc, "sites"), *unmatched = json_object_get(doc, "unmatched");
  json_array_clear(sites);
  json_array_clear(unmatched);
  for (int i = 0; i < 60; i++) {
    char id[16];
    snprintf(id, sizeof id, "s%d", i + 1);
    json_array_append_new(sites,
                          json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:n}, s:s, s:i, s:i, s:n, s:b}",
                                    "id", id, "role", "sender", "kind", "broadcast", "channel",
                                    "fn:widget", "event", "value", "x", "key", "path", "a.ts",
                                    "line", i + 1, "column", 1, "function", "external", 0));
    json_array_append_new(unmatched,
                          json_pack("{s:s, s:s}", "site", id, "reason", "event-never-heard"));
  }
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  graph_summary_md(f, doc);
  fclose(f);
  assert_non_null(strstr(buf, "- a.ts:50: event never heard"));
  assert_null(strstr(buf, "- a.ts:51:"));
  assert_non_null(strstr(buf, "- and 10 more (`rtlint graph --format md` lists them all)\n"));
  free(buf);
  json_decref(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_md_of_the_seed_bug),
      cmocka_unit_test(test_md_escapes_markup_and_controls),
      cmocka_unit_test(test_dot_of_the_seed_bug),
      cmocka_unit_test(test_dot_escapes_quotes_backslashes_entities),
      cmocka_unit_test(test_html_escapes_every_name),
      cmocka_unit_test(test_row_without_a_finding_is_not_red),
      cmocka_unit_test(test_empty_graph),
      cmocka_unit_test(test_bad_documents),
      cmocka_unit_test(test_summary_md),
      cmocka_unit_test(test_summary_html),
      cmocka_unit_test(test_summary_caps_the_list),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
