#include "resolve/value_algebra.h"

#include "parse/ast.h"

#include <stdlib.h>
#include <string.h>

Value val_unknown(void) {
  Value v = {NULL, 0, true};
  return v;
}

Value val_literal(Resolver *r, const Module *m, TSNode site, const char *text) {
  Value v = {arena_calloc(r->arena, sizeof(ValAlt)), 1, false};
  v.alts[0].parts = arena_calloc(r->arena, sizeof(ValPart));
  v.alts[0].nparts = 1;
  v.alts[0].parts[0].text = arena_strdup(r->arena, text);
  v.alts[0].from_standard = m && m->is_standards;
  if (m && !m->is_standards) {
    v.alts[0].site_mod = m;
    v.alts[0].site_start = ts_node_start_byte(site);
    v.alts[0].site_end = ts_node_end_byte(site);
  }
  return v;
}

const char *val_node_src(Resolver *r, const Module *m, TSNode n) {
  uint32_t len;
  const char *t = node_text(&m->src, n, &len);
  return arena_strndup(r->arena, t, len);
}

Value val_hole(Resolver *r, const Module *m, TSNode n) {
  Value v = {arena_calloc(r->arena, sizeof(ValAlt)), 1, false};
  v.alts[0].parts = arena_calloc(r->arena, sizeof(ValPart));
  v.alts[0].nparts = 1;
  v.alts[0].parts[0].hole = true;
  v.alts[0].parts[0].text = val_node_src(r, m, n);
  return v;
}

Value val_concat(Resolver *r, Value a, Value b) {
  if (a.nalts == 0 || b.nalts == 0)
    return val_unknown();
  uint32_t n = a.nalts * b.nalts;
  if (n > RESOLVE_MAX_ALTS)
    return val_unknown();
  Value v = {arena_calloc(r->arena, n * sizeof(ValAlt)), n, a.has_unknown || b.has_unknown};
  for (uint32_t i = 0; i < a.nalts; i++)
    for (uint32_t j = 0; j < b.nalts; j++) {
      ValAlt *out = &v.alts[i * b.nalts + j];
      const ValAlt *x = &a.alts[i], *y = &b.alts[j];
      out->nparts = x->nparts + y->nparts;
      out->parts = arena_alloc(r->arena, (out->nparts + 1) * sizeof(ValPart));
      memcpy(out->parts, x->parts, x->nparts * sizeof(ValPart));
      memcpy(out->parts + x->nparts, y->parts, y->nparts * sizeof(ValPart));
      out->from_standard = x->from_standard && y->from_standard;
      out->via_binding = x->via_binding && y->via_binding;
    }
  return v;
}

Value val_join(Resolver *r, Value a, Value b) {
  uint32_t n = a.nalts + b.nalts;
  if (n > RESOLVE_MAX_ALTS)
    n = RESOLVE_MAX_ALTS;
  Value v = {arena_calloc(r->arena, (n ? n : 1) * sizeof(ValAlt)), 0,
             a.has_unknown || b.has_unknown};
  for (uint32_t i = 0; i < a.nalts && v.nalts < n; i++)
    v.alts[v.nalts++] = a.alts[i];
  for (uint32_t i = 0; i < b.nalts && v.nalts < n; i++)
    v.alts[v.nalts++] = b.alts[i];
  return v;
}

void val_set_site(Value *v, const Module *m, TSNode site) {
  for (uint32_t i = 0; i < v->nalts; i++) {
    ValAlt *a = &v->alts[i];
    a->from_standard = m->is_standards;
    if (m->is_standards) {
      a->site_mod = NULL;
    } else {
      a->site_mod = m;
      a->site_start = ts_node_start_byte(site);
      a->site_end = ts_node_end_byte(site);
    }
  }
}

void val_mark_binding(Value *v) {
  for (uint32_t i = 0; i < v->nalts; i++)
    v->alts[i].via_binding = true;
}

bool val_is_known(const Value *v) {
  return v->nalts > 0;
}

const char *val_alt_literal(Arena *a, const ValAlt *alt) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++) {
    if (alt->parts[i].hole) {
      sb_free(&sb);
      return NULL;
    }
    sb_append(&sb, alt->parts[i].text);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

const char *val_alt_display(Arena *a, const ValAlt *alt) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++) {
    if (alt->parts[i].hole)
      sb_appendf(&sb, "${%s}", alt->parts[i].text);
    else
      sb_append(&sb, alt->parts[i].text);
  }
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}

void val_alt_key(StrBuf *out, const ValAlt *alt) {
  for (uint32_t i = 0; i < alt->nparts; i++) {
    sb_putc(out, alt->parts[i].hole ? 'H' : 'L');
    sb_append(out, alt->parts[i].text);
    sb_putc(out, 0x1f);
    sb_append(out, alt->parts[i].expr ? alt->parts[i].expr : "");
    sb_putc(out, 0x1e);
  }
}

const char *val_alt_fill(Arena *a, const ValAlt *alt, const char *fill) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < alt->nparts; i++)
    sb_append(&sb, alt->parts[i].hole ? fill : alt->parts[i].text);
  const char *out = arena_strdup(a, sb_cstr(&sb));
  sb_free(&sb);
  return out;
}
