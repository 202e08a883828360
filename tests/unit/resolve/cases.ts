// Each probe(NAME, value) is resolved by tests/unit/test_resolve.c, which looks it up by NAME.
import { INBOX, PRESENCE } from "./consts";
import { EVENTS } from "@/lib/events";
import * as ns from "./reexport";
import def from "./default";
import { CYCLE } from "./cycle-a";
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";
import { MISSING } from "./no-such-module";

declare function probe(name: string, value: unknown): void;
declare const props: { ev?: string };

const ORG = "acme";
let neverReassigned = "x:y";
let reassigned = "a";
reassigned = "b";
const { ev = "typing_start" } = props;
const EVENT_TYPES = { TYPING_START: "typing_start" } as const;
const CHANNEL_PATTERNS = {
  conversation: (o: string, c: string) => `org:${o}:conversation:${c}`,
};
function getChannelName(id: string) {
  return `conversation:${id}`;
}

export function cases(orgId: string, convId: string, isTyping: boolean, p: string) {
  probe("literal", "typing:start");
  probe("template", `org:${orgId}:conv:${convId}`);
  probe("concat", "org:" + orgId + ":conv:" + convId);
  probe("as-const", ("typing:stop" as const));
  probe("const", ORG);
  probe("let-once", neverReassigned);
  probe("let-reassigned", reassigned);
  probe("destructured-default", ev);
  probe("object-member", EVENT_TYPES.TYPING_START);
  probe("object-arrow-call", CHANNEL_PATTERNS.conversation(orgId, convId));
  probe("local-function", getChannelName(convId));
  probe("conditional", isTyping ? "typing:start" : "typing:stop");
  probe("conditional-unknown", isTyping ? "typing:start" : p);
  probe("imported-const", INBOX);
  probe("imported-template", PRESENCE);
  probe("tsconfig-paths-index", EVENTS.NEW);
  probe("export-from", ns.REEXPORTED);
  probe("export-star", ns.STARRED);
  probe("default-export", def);
  probe("reexport-cycle", CYCLE);
  probe("parameter", p);
  probe("unresolvable-import", MISSING);
  probe("unified-events", UNIFIED_EVENTS.TYPING_START);
  probe("unified-channels", UNIFIED_CHANNELS.conversation(orgId, convId));
  probe("const-and-standard", `${ORG}:${UNIFIED_EVENTS.TYPING_START}`);
}

export function shadowed(ORG: string) {
  probe("shadowing-parameter", ORG);
}

class Service {
  conversationChannel(o: string, c: string) {
    return `org:${o}:conv:${c}`;
  }
  open(o: string, c: string) {
    probe("this-method", this.conversationChannel(o, c));
  }
}
export const service = new Service();
