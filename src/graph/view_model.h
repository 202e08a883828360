#ifndef RTLINT_GRAPH_VIEW_MODEL_H
#define RTLINT_GRAPH_VIEW_MODEL_H
/* The contract graph's JSON document checked and indexed once for the views
 * (dot, md, html, the report's summary): sites, edges, and the "rows" every
 * view draws between senders and listeners, one per (kind, channel, event).
 * Strings are borrowed from the json_t, which must outlive the GvGraph. */
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { GV_SENDER, GV_LISTENER } GvRole;
typedef enum { GV_BROADCAST, GV_PRESENCE, GV_POSTGRES, GV_NKINDS } GvKind;
/* The order of the JSON's "reason" values; the first three are the rules'
 * findings, the last two are never findings. */
typedef enum {
  GV_NEVER_SENT,
  GV_NEVER_HEARD,
  GV_MISMATCH,
  GV_UNKNOWN_CHANNEL,
  GV_UNKNOWN_EVENT,
  GV_NREASONS,
  GV_MATCHED = GV_NREASONS /* a site with no unmatched entry */
} GvReason;
/* What a row's ends amount to (the Markdown "status" column). A row with
 * one side empty is "never sent"/"never heard" only when one of its ends is
 * that finding; otherwise the graph says no more than that no end of the
 * other side is known (the rules stay quiet there, e.g. when a listener with
 * an unknown channel might hear it). */
typedef enum {
  GV_ROW_MATCHED,
  GV_ROW_NEVER_SENT,
  GV_ROW_NEVER_HEARD,
  GV_ROW_MISMATCH,
  GV_ROW_NO_SENDER,
  GV_ROW_NO_LISTENER
} GvStatus;

typedef struct {
  const char *id, *function, *shape, *label; /* function NULL for a hand-built shape */
} GvChannel;

typedef struct {
  const char *id;
  GvRole role;
  GvKind kind;
  int channel;       /* index in channels, -1 when unknown */
  const char *event; /* NULL when unknown, "*" for a wildcard listener */
  const char *key;   /* the UNIFIED_EVENTS key, or NULL */
  const char **hears;
  size_t nhears;
  bool has_hears;
  const char *path;
  long long line, column;
  const char *function;
  bool external;
  GvReason reason;
  size_t file;  /* index in files */
  size_t *rows; /* the rows the site stands at itself */
  size_t nrows;
} GvSite;

typedef struct {
  size_t from, to; /* site indexes: a sender, a listener */
  int channel;
  const char *event;
  size_t row; /* the row it passes through: its sender's */
} GvEdge;

typedef struct {
  GvKind kind;
  int channel;       /* -1 for an unknown row */
  const char *event; /* NULL for an unknown event */
  bool unknown;      /* one row per site whose channel or event is unknown */
  GvStatus status;
  size_t *senders, nsenders; /* site indexes, ascending: own ends and ends joined by edges */
  size_t *listeners, nlisteners;
} GvRow;

typedef struct {
  GvChannel *channels;
  size_t nchannels;
  GvSite *sites;
  size_t nsites;
  GvEdge *edges;
  size_t nedges;
  GvRow *rows; /* by channel, kind, event; unknown rows last, in site order */
  size_t nrows;
  const char **files; /* the sites' paths, sorted, once each */
  size_t nfiles;
  size_t nsenders, nlisteners, nexternal, nunmatched, by_reason[GV_NREASONS];
} GvGraph;

/* Checks doc against the agreed shape and indexes it. On failure returns
 * false with *err set to one line saying what is wrong (the caller frees). */
bool gv_load(GvGraph *g, const json_t *doc, char **err);
void gv_free(GvGraph *g);

const char *gv_kind_name(GvKind k);
const char *gv_reason_id(GvReason r);   /* "event-never-sent", ... */
const char *gv_reason_text(GvReason r); /* "event never sent", ... */
const char *gv_status_text(GvStatus s); /* "matched", "never sent", ... */
const char *gv_status_id(GvStatus s);   /* "matched", "never-sent", ... */
bool gv_status_is_finding(GvStatus s);  /* never sent, never heard, mismatch */
bool gv_reason_is_finding(GvReason r);
const char *gv_channel_label(const GvGraph *g, int channel); /* "unknown channel" for -1 */

/* The words every view uses for a site: "app/x.ts:42" and the event as
 * shown ("typing:start", "* (hears a, b)", "unknown event"); the caller
 * frees. Not escaped for any format. */
char *gv_site_place(const GvSite *s);
char *gv_site_event(const GvSite *s);

/* The writers (graph_view_write picks one by format name); each returns 0. */
int gv_write_md(FILE *f, const GvGraph *g);
int gv_write_dot(FILE *f, const GvGraph *g);
int gv_write_html(FILE *f, const GvGraph *g);
/* "12 sites (7 senders, 5 listeners) on 3 channels, ..." and a newline. */
void gv_md_summary_line(FILE *f, const GvGraph *g);

#endif
