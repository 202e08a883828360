#include "lsp/server.h"

#include "core/util.h"
#include "lsp/actions.h"
#include "lsp/lint.h"
#include "lsp/transport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* JSON-RPC and LSP error codes. */
enum {
  ERR_PARSE = -32700,
  ERR_INVALID_REQUEST = -32600,
  ERR_METHOD_NOT_FOUND = -32601,
  ERR_INVALID_PARAMS = -32602,
  ERR_NOT_INITIALIZED = -32002,
  ERR_REQUEST_CANCELLED = -32800,
};

/* How long input must stay quiet after an edit before the server lints: a
 * burst of keystrokes becomes one lint. initializationOptions.debounceMs. */
#define DEFAULT_DEBOUNCE_MS 5

typedef struct Pending { /* a textDocument/diagnostic answered at the next lint */
  json_t *id;
  char *uri;
} Pending;

typedef struct Server {
  LspIn in;
  int out;
  DocStore docs;
  bool initialized, shutdown, exiting;
  int debounce_ms;
  Pending *pending;
  size_t npending, cap;
} Server;

static void send(Server *sv, json_t *msg) {
  lsp_out_write(sv->out, msg);
  json_decref(msg);
}

static void reply(Server *sv, json_t *id, json_t *result) {
  send(sv, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                     result ? result : json_null()));
}

static void reply_error(Server *sv, json_t *id, int code, const char *message) {
  send(sv, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
                     "error", "code", code, "message", message));
}

static void notify(Server *sv, const char *method, json_t *params) {
  send(sv, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void publish(Server *sv, Doc *d, json_t *diagnostics) {
  notify(sv, "textDocument/publishDiagnostics",
         json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version", (json_int_t)d->version,
                   "diagnostics", diagnostics));
}

static void lint_and_publish(Server *sv, Doc *d) {
  publish(sv, d, lsp_lint(&sv->docs, d));
}

/* After d's text changed: d, and every open document whose last lint read
 * d's file (an import, the standards module), are linted again. */
static void changed(Server *sv, Doc *d) {
  d->dirty = true;
  for (size_t i = 0; i < sv->docs.n; i++) {
    Doc *o = sv->docs.docs[i];
    for (size_t k = 0; o != d && k < o->ndeps; k++)
      if (strcmp(o->deps[k], d->path) == 0)
        o->dirty = true;
  }
}

static void all_dirty(Server *sv) {
  for (size_t i = 0; i < sv->docs.n; i++)
    sv->docs.docs[i]->dirty = true;
}

/* The edited documents first (the one the user types in), then others. */
static void flush(Server *sv) {
  for (size_t i = 0; i < sv->docs.n; i++)
    if (sv->docs.docs[i]->dirty)
      lint_and_publish(sv, sv->docs.docs[i]);
  for (size_t i = 0; i < sv->npending; i++) {
    Pending *p = &sv->pending[i];
    Doc *d = docs_find(&sv->docs, p->uri);
    if (!d)
      reply_error(sv, p->id, ERR_INVALID_PARAMS, "document is not open");
    else
      reply(sv, p->id,
            json_pack("{s:s, s:o}", "kind", "full", "items", lsp_diagnostics(&sv->docs, d)));
    json_decref(p->id);
    free(p->uri);
  }
  sv->npending = 0;
}

static bool work_waiting(const Server *sv) {
  if (sv->npending)
    return true;
  for (size_t i = 0; i < sv->docs.n; i++)
    if (sv->docs.docs[i]->dirty)
      return true;
  return false;
}

static const char *uri_of(json_t *params) {
  return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static json_t *initialize(Server *sv, json_t *params) {
  json_t *encs = json_object_get(
      json_object_get(json_object_get(params, "capabilities"), "general"), "positionEncodings");
  size_t i;
  json_t *e;
  sv->docs.enc = POS_UTF16;
  json_array_foreach(encs, i, e) {
    if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
      sv->docs.enc = POS_UTF8;
  }
  json_t *debounce =
      json_object_get(json_object_get(params, "initializationOptions"), "debounceMs");
  if (json_is_integer(debounce) && json_integer_value(debounce) >= 0 &&
      json_integer_value(debounce) <= 10000)
    sv->debounce_ms = (int)json_integer_value(debounce);
  sv->initialized = true;
  return json_pack(
      "{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:{s:[s, s]}, s:{s:s, s:b, s:b}}, s:{s:s, s:s}}",
      "capabilities", "positionEncoding", sv->docs.enc == POS_UTF8 ? "utf-8" : "utf-16",
      "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
      "codeActionProvider", "codeActionKinds", "quickfix", "source.fixAll.rtlint",
      "diagnosticProvider", "identifier", "rtlint", "interFileDependencies", 1,
      "workspaceDiagnostics", 0, "serverInfo", "name", "rtlint", "version", RTLINT_VERSION);
}

static void did_open(Server *sv, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  json_t *text = json_object_get(td, "text");
  const char *uri = uri_of(params);
  if (!uri || !json_is_string(text))
    return;
  Doc *d = docs_open(&sv->docs, uri, (long)json_integer_value(json_object_get(td, "version")),
                     json_string_value(text), json_string_length(text));
  if (d)
    changed(sv, d);
  else
    fprintf(stderr, "rtlint lsp: not a file: URI, not linted: %s\n", uri);
}

static void did_change(Server *sv, json_t *params) {
  Doc *d = uri_of(params) ? docs_find(&sv->docs, uri_of(params)) : NULL;
  if (!d)
    return;
  size_t i;
  json_t *c;
  json_array_foreach(json_object_get(params, "contentChanges"), i, c) {
    if (!doc_apply_change(&sv->docs, d, c))
      fprintf(stderr, "rtlint lsp: %s: a malformed change was ignored\n", d->uri);
  }
  d->version =
      (long)json_integer_value(json_object_get(json_object_get(params, "textDocument"), "version"));
  changed(sv, d);
}

static void did_close(Server *sv, json_t *params) {
  const char *uri = uri_of(params);
  Doc *d = uri ? docs_find(&sv->docs, uri) : NULL;
  if (!d)
    return;
  /* Files that imported its unsaved text read the disk again. */
  changed(sv, d);
  notify(sv, "textDocument/publishDiagnostics",
         json_pack("{s:s, s:[]}", "uri", uri, "diagnostics"));
  docs_close(&sv->docs, uri);
}

static void cancel(Server *sv, json_t *params) {
  json_t *id = json_object_get(params, "id");
  for (size_t i = 0; i < sv->npending; i++)
    if (json_equal(sv->pending[i].id, id)) {
      reply_error(sv, sv->pending[i].id, ERR_REQUEST_CANCELLED, "cancelled");
      json_decref(sv->pending[i].id);
      free(sv->pending[i].uri);
      memmove(sv->pending + i, sv->pending + i + 1, (sv->npending - i - 1) * sizeof *sv->pending);
      sv->npending--;
      return;
    }
}

static void request(Server *sv, const char *method, json_t *id, json_t *params) {
  if (strcmp(method, "initialize") == 0) {
    reply(sv, id, initialize(sv, params));
    return;
  }
  if (!sv->initialized) {
    reply_error(sv, id, ERR_NOT_INITIALIZED, "initialize first");
    return;
  }
  if (sv->shutdown) {
    reply_error(sv, id, ERR_INVALID_REQUEST, "the server is shutting down");
    return;
  }
  if (strcmp(method, "shutdown") == 0) {
    sv->shutdown = true;
    reply(sv, id, NULL);
  } else if (strcmp(method, "textDocument/codeAction") == 0) {
    Doc *d = uri_of(params) ? docs_find(&sv->docs, uri_of(params)) : NULL;
    if (!d) {
      reply_error(sv, id, ERR_INVALID_PARAMS, "document is not open");
      return;
    }
    if (d->dirty) /* the actions must match the text the client shows */
      lint_and_publish(sv, d);
    reply(sv, id, lsp_code_actions(&sv->docs, d, params));
  } else if (strcmp(method, "textDocument/diagnostic") == 0) {
    const char *uri = uri_of(params);
    if (!uri) {
      reply_error(sv, id, ERR_INVALID_PARAMS, "textDocument.uri is missing");
      return;
    }
    /* Answered when the next lint runs, so a burst of edits is linted once
     * and a $/cancelRequest meanwhile can still cancel it. */
    ARRAY_PUSH(sv->pending, sv->npending, sv->cap, ((Pending){json_incref(id), xstrdup(uri)}));
  } else {
    reply_error(sv, id, ERR_METHOD_NOT_FOUND, "method not supported");
  }
}

static void notification(Server *sv, const char *method, json_t *params) {
  if (strcmp(method, "exit") == 0) {
    sv->exiting = true;
    return;
  }
  if (strcmp(method, "$/cancelRequest") == 0) {
    cancel(sv, params);
    return;
  }
  if (!sv->initialized || sv->shutdown)
    return;
  if (strcmp(method, "textDocument/didOpen") == 0)
    did_open(sv, params);
  else if (strcmp(method, "textDocument/didChange") == 0)
    did_change(sv, params);
  else if (strcmp(method, "textDocument/didClose") == 0)
    did_close(sv, params);
  else if (strcmp(method, "textDocument/didSave") == 0) {
    Doc *d = uri_of(params) ? docs_find(&sv->docs, uri_of(params)) : NULL;
    if (d)
      changed(sv, d);
  } else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0 ||
             strcmp(method, "workspace/didChangeConfiguration") == 0) {
    /* The standards, a configuration, a wrapper or a tsconfig may have
     * changed on disk: every open document is linted again (each lint reads
     * configuration and standards afresh). */
    standards_memo_free(&sv->docs.std_memo);
    all_dirty(sv);
  }
  /* Other notifications (initialized, $/setTrace, ...) need nothing. */
}

static void handle(Server *sv, const char *body, size_t len) {
  json_error_t err;
  /* A buffer may hold NUL characters (\u0000): lint it like a file with
   * them (a binary notice) rather than refuse the message. */
  json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &err);
  if (!msg) {
    fprintf(stderr, "rtlint lsp: malformed JSON: %s\n", err.text);
    reply_error(sv, NULL, ERR_PARSE, "malformed JSON");
    return;
  }
  json_t *method = json_object_get(msg, "method");
  json_t *id = json_object_get(msg, "id");
  json_t *params = json_object_get(msg, "params");
  if (!json_is_object(msg) || (method && !json_is_string(method)) ||
      (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id))) {
    reply_error(sv, json_is_integer(id) || json_is_string(id) ? id : NULL, ERR_INVALID_REQUEST,
                "not a JSON-RPC request or notification");
  } else if (!method) {
    /* A response to a request we never sent: nothing to do. */
  } else if (id) {
    request(sv, json_string_value(method), id, params);
  } else {
    notification(sv, json_string_value(method), params);
  }
  json_decref(msg);
}

int cmd_lsp(void) {
  Server sv;
  memset(&sv, 0, sizeof sv);
  sv.debounce_ms = DEFAULT_DEBOUNCE_MS;
  /* The protocol owns the real stdout; whatever else writes to fd 1 ends up
   * on stderr, where it cannot corrupt a frame. */
  fflush(stdout);
  sv.out = dup(STDOUT_FILENO);
  dup2(STDERR_FILENO, STDOUT_FILENO);
  lsp_in_init(&sv.in, STDIN_FILENO);
  docs_init(&sv.docs);
  while (!sv.exiting) {
    if (work_waiting(&sv) && !lsp_in_wait(&sv.in, sv.debounce_ms)) {
      flush(&sv);
      continue;
    }
    char *body = NULL;
    size_t len = 0;
    LspRead r = lsp_in_read(&sv.in, &body, &len);
    if (r == LSP_READ_EOF)
      break;
    if (r == LSP_READ_BAD_HEADER) {
      fprintf(stderr, "rtlint lsp: a message without a valid Content-Length header was skipped\n");
      reply_error(&sv, NULL, ERR_PARSE, "missing or invalid Content-Length header");
      continue;
    }
    handle(&sv, body, len);
    free(body);
  }
  int status = sv.exiting && sv.shutdown ? 0 : 1;
  for (size_t i = 0; i < sv.npending; i++) {
    json_decref(sv.pending[i].id);
    free(sv.pending[i].uri);
  }
  free(sv.pending);
  docs_free(&sv.docs);
  lsp_in_free(&sv.in);
  close(sv.out);
  return status;
}
