/* Writing supabase-channel-direct's suggestion: the effect's new body
 * subscribing (or broadcasting) through the chosen API, the status logic as
 * an effect of its own, sends outside effects replaced where they stand.
 * See channel_effect_write.h. */
#include "rules/channel_effect_write.h"

#include "core/util.h"
#include "fix/indent.h"
#include "parse/ast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (unsigned char)c >= 0x80;
}

/* `name` occurs in n's text as a whole identifier, not as a property. */
static bool mentions(const Source *src, TSNode n, const char *name) {
  size_t k = strlen(name);
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  const char *b = src->bytes;
  for (uint32_t i = s; i + k <= e; i++)
    if (memcmp(b + i, name, k) == 0 && (i == s || (!ident_char(b[i - 1]) && b[i - 1] != '.')) &&
        (i + k == e || !ident_char(b[i + k])))
      return true;
  return false;
}

/* Appends text with its continuation lines moved from indent `from` to `to`. */
static void append_reindented(StrBuf *sb, const char *text, size_t n, const char *from,
                              const char *to) {
  size_t fl = strlen(from);
  for (size_t i = 0; i < n; i++) {
    sb_append_n(sb, text + i, 1);
    if (text[i] == '\n' && i + 1 < n && n - i - 1 >= fl && memcmp(text + i + 1, from, fl) == 0) {
      sb_append(sb, to);
      i += fl;
    }
  }
}

typedef struct PayloadReads {
  const Source *src;
  const char *msg, *param;
  uint32_t at; /* copied up to here */
  StrBuf *out;
} PayloadReads;

/* Copies up to each `msg.payload` read, then the parameter in its place. */
static bool replace_payload_read(TSNode n, void *data) {
  PayloadReads *r = data;
  if (!node_is(n, "member_expression") ||
      !node_text_eq(r->src, node_unwrap(node_field(n, "object")), r->msg) ||
      !node_text_eq(r->src, node_field(n, "property"), "payload"))
    return true;
  sb_append_n(r->out, r->src->bytes + r->at, ts_node_start_byte(n) - r->at);
  sb_append(r->out, r->param);
  r->at = ts_node_end_byte(n);
  return false;
}

/* A case of a `*` listener as a handler of its own: `(payload) => {`, the
 * case's statements (and the comments among them) with `msg.payload` read
 * as the parameter, `}`. */
static void append_case_handler(StrBuf *sb, const Source *src, const Listener *l, Arena *a,
                                const char *indent) {
  uint32_t s = ts_node_start_byte(l->first), e = ts_node_end_byte(l->last);
  StrBuf body = {0};
  char *msg = l->msg.id ? node_text_dup(src, l->msg) : NULL;
  PayloadReads r = {src, msg, l->new_param, s, &body};
  for (TSNode st = l->first; msg; st = ts_node_next_named_sibling(st)) {
    ast_walk(st, replace_payload_read, &r);
    if (ts_node_eq(st, l->last))
      break;
  }
  free(msg);
  sb_append_n(&body, src->bytes + r.at, e - r.at);
  const char *inner = arena_printf(a, "%s  ", indent);
  sb_appendf(sb, "(%s) => {\n%s", l->new_param, inner);
  append_reindented(sb, body.data, body.len, fix_line_indent(a, src, s), inner);
  sb_appendf(sb, "\n%s}", indent);
  sb_free(&body);
}

/* The handler as the new API calls it: its `{ payload }` parameter becomes
 * `payload`, its lines indented for where it now stands. */
static void append_handler(StrBuf *sb, const Source *src, const Listener *l, Arena *a,
                           const char *indent) {
  if (l->first.id) {
    append_case_handler(sb, src, l, a, indent);
    return;
  }
  uint32_t hs = ts_node_start_byte(l->handler), he = ts_node_end_byte(l->handler);
  StrBuf h = {0};
  if (l->param.id && !l->named.id) {
    sb_append_n(&h, src->bytes + hs, ts_node_start_byte(l->param) - hs);
    sb_append(&h, l->new_param);
    sb_append_n(&h, src->bytes + ts_node_end_byte(l->param), he - ts_node_end_byte(l->param));
  } else {
    sb_append_n(&h, src->bytes + hs, he - hs);
  }
  append_reindented(sb, h.data, h.len, fix_line_indent(a, src, hs), indent);
  sb_free(&h);
}

/* An expression moved to the new body, its lines indented for it. */
static void append_copied(StrBuf *sb, const Source *src, TSNode n, Arena *a, const char *indent) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  append_reindented(sb, src->bytes + s, e - s, fix_line_indent(a, src, s), indent);
}

typedef struct Comments {
  const TSNode *copied; /* handlers, events and payloads: they keep theirs */
  size_t ncopied;
  const Effect *e; /* cases of `*` listeners keep theirs too */
  StrBuf *sb;
  const char *indent;
  const Source *src;
} Comments;

/* Comments of the effect outside its handlers (which keep theirs) move to
 * the top of the new body. */
static bool keep_comment(TSNode n, void *data) {
  Comments *c = data;
  for (size_t i = 0; i < c->ncopied; i++)
    if (ts_node_eq(n, c->copied[i]))
      return false;
  for (size_t i = 0; i < c->e->non; i++)
    if (c->e->on[i].first.id && ts_node_start_byte(n) >= ts_node_start_byte(c->e->on[i].first) &&
        ts_node_end_byte(n) <= ts_node_end_byte(c->e->on[i].last))
      return false;
  if (node_is(n, "comment")) {
    uint32_t len;
    const char *t = node_text(c->src, n, &len);
    sb_append(c->sb, c->indent);
    sb_append_n(c->sb, t, len);
    sb_append(c->sb, "\n");
  }
  return true;
}

/* The effect's guards, in order, each on its own line. */
static void append_guards(StrBuf *sb, const Source *src, const Effect *e, Arena *a,
                          const char *indent) {
  for (size_t i = 0; i < e->nguards; i++) {
    sb_append(sb, indent);
    append_copied(sb, src, e->guards[i], a, indent);
    sb_append(sb, "\n");
  }
}

static char *new_body(RuleCtx *ctx, const Effect *e, const Target *t) {
  const Source *src = &ctx->mod->src;
  const char *base = fix_line_indent(ctx->arena, src, ts_node_start_byte(e->stmt));
  TSNode first[1];
  block_statements(e->body, first, 1);
  const char *inner = fix_line_indent(ctx->arena, src, ts_node_start_byte(first[0]));
  if (strlen(inner) <= strlen(base) || strncmp(inner, base, strlen(base)) != 0)
    inner = arena_printf(ctx->arena, "%s  ", base);
  const char *deeper = arena_printf(ctx->arena, "%s%s", inner, inner + strlen(base));
  StrBuf sb = {0};
  sb_append(&sb, "{\n");
  TSNode copied[2 * MAX_LISTENERS + MAX_STATEMENTS + STATUS_STATEMENTS + 1];
  size_t ncopied = 0;
  if (e->status.then.id)
    copied[ncopied++] = e->status.then;
  for (size_t i = 0; i < e->status.nstmts; i++)
    copied[ncopied++] = e->status.stmts[i];
  for (size_t i = 0; i < e->nguards; i++)
    copied[ncopied++] = e->guards[i];
  for (size_t i = 0; i < e->non; i++)
    if (!e->on[i].first.id)
      copied[ncopied++] = e->on[i].handler;
  for (size_t i = 0; i < e->nsends; i++) {
    copied[ncopied++] = e->sends[i].event;
    copied[ncopied++] = e->sends[i].payload;
  }
  Comments c = {copied, ncopied, e, &sb, inner, src};
  ast_walk(e->body, keep_comment, &c);
  append_guards(&sb, src, e, ctx->arena, inner);
  if (e->nsends > 0) {
    for (size_t i = 0; i < e->nsends; i++) {
      sb_append(&sb, inner);
      sb_append(&sb, e->sends[i].is_void ? "void broadcast(" : "broadcast(");
      append_copied(&sb, src, e->sends[i].event, ctx->arena, inner);
      sb_append(&sb, ", ");
      append_copied(&sb, src, e->sends[i].payload, ctx->arena, inner);
      sb_append(&sb, ");\n");
    }
  } else if (t->form.object_form) {
    sb_append(&sb, inner);
    sb_append(&sb, "return subscribe({\n");
    for (size_t i = 0; i < e->non; i++) {
      sb_append(&sb, deeper);
      sb_append(&sb, e->on[i].key);
      sb_append(&sb, ": ");
      append_handler(&sb, src, &e->on[i], ctx->arena, deeper);
      sb_append(&sb, ",\n");
    }
    sb_append(&sb, inner);
    sb_append(&sb, "});\n");
  } else if (e->non == 1) {
    uint32_t len;
    const char *ev = node_text(src, e->on[0].event, &len);
    sb_append(&sb, inner);
    sb_append(&sb, "return subscribe(");
    sb_append_n(&sb, ev, len);
    sb_append(&sb, ", ");
    append_handler(&sb, src, &e->on[0], ctx->arena, inner);
    sb_append(&sb, ");\n");
  } else {
    sb_append(&sb, inner);
    sb_append(&sb, "const unsubscribes = [\n");
    for (size_t i = 0; i < e->non; i++) {
      uint32_t len;
      const char *ev = node_text(src, e->on[i].event, &len);
      sb_append(&sb, deeper);
      sb_append(&sb, "subscribe(");
      sb_append_n(&sb, ev, len);
      sb_append(&sb, ", ");
      append_handler(&sb, src, &e->on[i], ctx->arena, deeper);
      sb_append(&sb, "),\n");
    }
    sb_append(&sb, inner);
    sb_append(&sb, "];\n");
    sb_append(&sb, inner);
    sb_append(&sb, "return () => unsubscribes.forEach((unsubscribe) => unsubscribe());\n");
  }
  sb_append(&sb, base);
  sb_append(&sb, "}");
  return sb_take(&sb);
}

/* Whether the status logic or the guards it runs behind read the dependency
 * `dep` (`params.id` counts as `params`): the new effect keeps only those. */
static bool logic_reads(const Source *src, const Effect *e, TSNode dep) {
  TSNode root = node_unwrap(dep);
  while (node_is(root, "member_expression"))
    root = node_unwrap(node_field(root, "object"));
  if (!node_is(root, "identifier"))
    return true; /* an expression: keep it, as the old effect did */
  char *name = node_text_dup(src, root);
  size_t n = e->status.then.id ? count_mentions(src, e->status.then, name) : 0;
  if (e->status.tracker.id)
    n += count_mentions(src, e->status.tracker, name);
  for (size_t i = 0; i < e->status.nstmts; i++)
    n += count_mentions(src, e->status.stmts[i], name);
  for (size_t i = 0; i < e->nguards; i++)
    n += count_mentions(src, e->guards[i], name);
  free(name);
  return n > 0;
}

/* The status logic as an effect of its own after the subscription's:
 * `useEffect(() => { GUARDS if (STATE_TEST) THEN }, [DEPS, state]);`, run
 * when the provider's state changes as it ran when the channel's status did.
 * DEPS are the old effect's that it reads. */
static char *state_effect(RuleCtx *ctx, const Effect *e, const Target *t) {
  const Source *src = &ctx->mod->src;
  const char *base = fix_line_indent(ctx->arena, src, ts_node_start_byte(e->stmt));
  const char *inner = arena_printf(ctx->arena, "%s  ", base);
  const char *deeper = arena_printf(ctx->arena, "%s  ", inner);
  TSNode call = node_unwrap(ts_node_named_child(e->stmt, 0));
  uint32_t len;
  const char *callee = node_text(src, node_field(call, "function"), &len);
  StrBuf sb = {0};
  sb_appendf(&sb, "\n\n%s%.*s(() => {\n", base, (int)len, callee);
  append_guards(&sb, src, e, ctx->arena, inner);
  if (e->status.tracker.id) {
    const char *setter = node_text(src, e->status.tracker, &len);
    sb_appendf(&sb, "%s%.*s(%s);", inner, (int)len, setter, t->condition);
  } else if (e->status.then.id) {
    sb_appendf(&sb, "%sif (%s) ", inner, t->condition);
    append_copied(&sb, src, e->status.then, ctx->arena, inner);
  } else {
    sb_appendf(&sb, "%sif (%s) {\n", inner, t->condition);
    for (size_t i = 0; i < e->status.nstmts; i++) {
      sb_append(&sb, deeper);
      append_copied(&sb, src, e->status.stmts[i], ctx->arena, deeper);
      sb_append(&sb, "\n");
    }
    sb_appendf(&sb, "%s}", inner);
  }
  sb_appendf(&sb, "\n%s}, [", base);
  TSNode dep[MAX_STATEMENTS];
  size_t n = block_statements(e->deps, dep, MAX_STATEMENTS);
  for (size_t i = 0; i < n && n != SIZE_MAX; i++) {
    if (!logic_reads(src, e, dep[i]))
      continue;
    const char *text = node_text(src, dep[i], &len);
    sb_appendf(&sb, "%.*s, ", (int)len, text);
  }
  sb_appendf(&sb, "%s]);", t->state);
  return sb_take(&sb);
}

void channel_effect_edit_loose_sends(RuleCtx *ctx, Diag *d, const Effect *e) {
  const Source *src = &ctx->mod->src;
  for (size_t i = 0; i < e->nsends; i++) {
    const Send *snd = &e->sends[i];
    const char *indent = fix_line_indent(ctx->arena, src, ts_node_start_byte(snd->call));
    StrBuf sb = {0};
    sb_append(&sb, "broadcast(");
    append_copied(&sb, src, snd->event, ctx->arena, indent);
    sb_append(&sb, ", ");
    append_copied(&sb, src, snd->payload, ctx->arena, indent);
    sb_append(&sb, ")");
    diag_add_edit(d, ts_node_start_byte(snd->call), ts_node_end_byte(snd->call), sb_cstr(&sb));
    sb_free(&sb);
  }
  if (ts_node_is_null(e->loose_decl))
    return;
  uint32_t start = ts_node_start_byte(e->loose_decl), end = ts_node_end_byte(e->loose_decl);
  const char *blanks = fix_indent_before(ctx->arena, src, start);
  if (blanks && end < src->len && src->bytes[end] == '\n') {
    start -= (uint32_t)strlen(blanks);
    end++;
  }
  diag_add_edit(d, start, end, "");
}

void channel_effect_edit(RuleCtx *ctx, Diag *d, const Effect *e, const Target *t) {
  char *body = new_body(ctx, e, t);
  diag_add_edit(d, ts_node_start_byte(e->body), ts_node_end_byte(e->body), body);
  free(body);
  if (t->state) {
    char *follow = state_effect(ctx, e, t);
    diag_add_edit(d, ts_node_end_byte(e->stmt), ts_node_end_byte(e->stmt), follow);
    free(follow);
  }
  for (size_t i = 0; i < e->non; i++)
    if (e->on[i].named.id && e->on[i].param.id)
      diag_add_edit(d, ts_node_start_byte(e->on[i].param), ts_node_end_byte(e->on[i].param),
                    e->on[i].new_param);
}

void channel_effect_add_dependency(const Source *src, Diag *d, TSNode deps, const char *name) {
  if (ts_node_is_null(deps) || mentions(src, deps, name))
    return;
  TSNode last[MAX_STATEMENTS];
  size_t n = block_statements(deps, last, MAX_STATEMENTS);
  char *dep = xasprintf("%s%s", n == 0 ? "" : ", ", name);
  if (n == 0)
    diag_add_edit(d, ts_node_start_byte(deps) + 1, ts_node_start_byte(deps) + 1, dep);
  else if (n != SIZE_MAX)
    diag_add_edit(d, ts_node_end_byte(last[n - 1]), ts_node_end_byte(last[n - 1]), dep);
  free(dep);
}
