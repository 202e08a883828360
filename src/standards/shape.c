#include "standards/shape.h"

#include <stdlib.h>
#include <string.h>

int shape_split_value(const ShapePiece *pieces, size_t npieces, ShapeSegment *segs) {
  memset(segs, 0, sizeof(ShapeSegment) * SHAPE_MAX_SEGMENTS);
  int n = 1;
  for (size_t i = 0; i < npieces; i++) {
    const ShapePiece *p = &pieces[i];
    bool whole = p->hole || (p->expr && !strchr(p->text, ':'));
    if (whole) {
      ShapeSegment *s = &segs[n - 1];
      s->npieces++;
      s->has_hole = s->has_hole || p->hole;
      s->has_expr = true;
      s->arg = p->hole ? p->text : p->expr;
      sb_append(&s->text, p->hole ? "\x01" : p->text);
      continue;
    }
    /* Literal text, or a constant cut across segments: split at ':'. */
    bool contributed = false;
    for (const char *c = p->text; *c; c++) {
      if (*c == ':') {
        if (n == SHAPE_MAX_SEGMENTS)
          return -1;
        n++;
        contributed = false;
        continue;
      }
      ShapeSegment *s = &segs[n - 1];
      if (!contributed) {
        s->npieces++;
        s->has_expr = s->has_expr || p->expr != NULL;
        s->arg = NULL;
        contributed = true;
      }
      sb_putc(&s->text, *c);
    }
  }
  return n;
}

void shape_segments_free(ShapeSegment *segs) {
  for (int i = 0; i < SHAPE_MAX_SEGMENTS; i++)
    sb_free(&segs[i].text);
}

int shape_split_catalog(const char *shape, ShapeKeyword *out) {
  int n = 0;
  const char *s = shape;
  while (*s && n < SHAPE_MAX_SEGMENTS) {
    const char *colon = strchr(s, ':');
    size_t len = colon ? (size_t)(colon - s) : strlen(s);
    out[n].kw = s;
    out[n].kwlen = len;
    out[n].param = s[0] == '{' ? (int)strtol(s + 1, NULL, 10) : -1;
    n++;
    s += len + (colon ? 1 : 0);
  }
  return n;
}

bool shape_match(Arena *a, const ShapePiece *pieces, size_t npieces, const char *shape,
                 const char **args, size_t max_args) {
  ShapeSegment segs[SHAPE_MAX_SEGMENTS];
  ShapeKeyword kws[SHAPE_MAX_SEGMENTS];
  int n = shape_split_value(pieces, npieces, segs);
  int nk = shape_split_catalog(shape, kws);
  bool ok = n == nk;
  for (int i = 0; ok && i < n; i++) {
    ShapeSegment *seg = &segs[i];
    const ShapeKeyword *k = &kws[i];
    if (k->param < 0) {
      ok = !seg->has_expr && mem_eq_str(k->kw, k->kwlen, sb_cstr(&seg->text)) &&
           seg->text.len == k->kwlen;
    } else if ((size_t)k->param >= max_args || seg->text.len == 0) {
      ok = false;
    } else if (seg->npieces == 1 && seg->arg) {
      args[k->param] = seg->arg;
    } else if (!seg->has_expr) {
      args[k->param] = arena_printf(a, "\"%s\"", sb_cstr(&seg->text));
    } else {
      ok = false; /* text mixed with holes or constants: no clean argument */
    }
  }
  shape_segments_free(segs);
  return ok;
}
