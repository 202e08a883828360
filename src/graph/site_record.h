#ifndef RTLINT_GRAPH_SITE_RECORD_H
#define RTLINT_GRAPH_SITE_RECORD_H
/* A file's contract sites in its cache entry (engine/cache.c), so that a
 * warm run rebuilds the graph without parsing the file again. Every file a
 * site points into is written with its content hash: a site is reused only
 * while all of them are unchanged. */
#include "core/util.h"
#include "engine/record.h"
#include "graph/model.h"
#include "resolve/project.h"

/* False (nothing written) when a file a site points into has no content
 * hash: such sites cannot be checked again, so they are not cached. */
bool graph_sites_write(StrBuf *sb, const GraphSite *sites, size_t n);

/* Appends the sites read to out. False for a miss (a file changed), with
 * *why set when the record cannot be trusted (NULL: a plain miss); out is
 * then left as it was. */
bool graph_sites_read(RecordReader *r, Project *p, GraphSiteList *out, const char **why);

#endif
