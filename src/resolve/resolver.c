/* A Resolver's life: what one lint's resolution holds (modules whose trees
 * it reads, expressions resolved so far, the summaries of the functions it
 * followed) from resolver_init to resolver_release. Here, above value.c and
 * flow.c, since it owns what both fill. */
#include "resolve/flow.h"
#include "resolve/value.h"

#include <stdlib.h>
#include <string.h>

void resolver_init(Resolver *r, Project *proj, Arena *arena) {
  memset(r, 0, sizeof *r);
  r->proj = proj;
  r->arena = arena;
}

static void free_object_index(void *index) {
  strmap_free(index, NULL);
  free(index);
}

void resolver_release(Resolver *r) {
  flow_memo_free(r);
  for (size_t i = 0; i < r->nheld; i++)
    project_release(r->held[i]);
  free(r->held);
  r->held = NULL;
  r->nheld = r->heldcap = 0;
  strmap_free(&r->memo, NULL);
  strmap_free(&r->objects, free_object_index);
}
