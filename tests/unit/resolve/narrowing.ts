// Probes of a call's value narrowed by its literal arguments (test_resolve.c:
// a_call_takes_the_branches_its_literal_arguments_pick).
function byKind(kind: string, id: string) {
  switch (kind) {
    case "thread":
      return `thread:${id}`;
    case "typing":
      return `typing:${id}`;
    default:
      return `other:${id}`;
  }
}

function byObject(spec: { kind: string; orgId: string }) {
  switch (spec.kind) {
    case "a":
    case "b":
      return `ab:${spec.orgId}`;
    case "presence":
      return `presence:${spec.orgId}`;
  }
  return `none:${spec.orgId}`;
}

function topicFor(p: { orgId: string; threadId?: string }) {
  if (p.threadId) {
    return `conv:${p.threadId}`;
  }
  return `inbox:${p.orgId}`;
}

function ifChain(kind: string) {
  if (kind === "x") return "is-x";
  else if (kind !== "y") return "not-y";
  return "is-y";
}

function nested(kind: string, id: string) {
  return byObject({ kind, orgId: id });
}

function deep(spec: { inner: { kind: string } }) {
  return spec.inner.kind === "k" ? "deep-k" : "deep-other";
}

function fallsThrough(kind: string) {
  switch (kind) {
    case "a":
      console.log(kind);
    case "b":
      return "from-b";
    case "c":
      return "c";
  }
  return "end";
}

function changesItsObject(spec: { kind: string }) {
  spec.kind = "typing";
  switch (spec.kind) {
    case "thread":
      return "t";
    case "typing":
      return "y";
  }
  return "none";
}

function handsItsObjectOn(spec: { kind: string }) {
  normalize(spec);
  return spec.kind === "thread" ? "t" : "other";
}

function reassigns(kind: string) {
  kind = kind.trim();
  switch (kind) {
    case "thread":
      return "t";
    default:
      return "d";
  }
}

function afterReturn(kind: string) {
  if (kind === "a") {
    return "only-a";
  } else {
    throw new Error(kind);
  }
  return "dead";
}

function recursive(kind: string): string {
  return kind === "a" ? recursive("b") : `r:${kind}`;
}

function cycle(kind: string): string {
  return kind === "a" ? cycle("a") : "never";
}

export function uses(orgId: string, someId: string, threadId: string, dynamic: string, base: object) {
  probe("switch-literal", byKind("typing", someId));
  probe("switch-default", byKind("zzz", someId));
  probe("switch-unknown", byKind(dynamic, someId));
  probe("object-case", byObject({ kind: "presence", orgId }));
  probe("object-grouped-case", byObject({ kind: "a", orgId }));
  probe("object-no-case", byObject({ kind: "q", orgId }));
  probe("object-unknown", byObject({ kind: dynamic, orgId }));
  probe("object-spread-before", byObject({ ...base, kind: "presence", orgId }));
  probe("object-spread-after", byObject({ kind: "presence", orgId, ...base }));
  probe("if-absent", topicFor({ orgId }));
  probe("if-literal", topicFor({ orgId, threadId: "t1" }));
  probe("if-unknown", topicFor({ orgId, threadId }));
  probe("if-eq", ifChain("x"));
  probe("if-neq", ifChain("z"));
  probe("if-else-last", ifChain("y"));
  probe("nested-call", nested("presence", orgId));
  probe("nested-unknown", nested(dynamic, orgId));
  probe("deep-property", deep({ inner: { kind: "k" } }));
  probe("ternary-unknown", deep({ inner: { kind: dynamic } }));
  probe("fallthrough", fallsThrough("a"));
  probe("fallthrough-none", fallsThrough("q"));
  probe("changed-object", changesItsObject({ kind: "thread" }));
  probe("handed-on", handsItsObjectOn({ kind: "thread" }));
  probe("reassigned", reassigns("thread"));
  probe("after-return", afterReturn(dynamic));
  probe("recursive", recursive("a"));
  probe("cycle", cycle("a"));
}
