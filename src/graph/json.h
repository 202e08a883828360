#ifndef RTLINT_GRAPH_JSON_H
#define RTLINT_GRAPH_JSON_H
/* The graph as the JSON of `rtlint graph --format json`
 * (schemas/rtlint-graph.schema.json): what the dot/md/html views read. */
#include "graph/model.h"

#include <jansson.h>
#include <stdio.h>

#define GRAPH_SCHEMA_VERSION 1

/* g must be linked (graph_link). */
json_t *graph_to_json(const ContractGraph *g);
/* 2-space indent, keys in order, a final newline. */
void graph_json_write(FILE *f, const json_t *graph);

#endif
