// Each probe(...) argument is resolved by tests/unit/test_resolve.c, in order.
import { INBOX, PRESENCE } from "./consts";
import { EVENTS } from "@/lib/events";
import * as ns from "./reexport";
import def from "./default";
import { CYCLE } from "./cycle-a";
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";
import { MISSING } from "./no-such-module";

declare function probe(value: unknown): void;
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
  probe("typing:start");
  probe(`org:${orgId}:conv:${convId}`);
  probe("org:" + orgId + ":conv:" + convId);
  probe(("typing:stop" as const));
  probe(ORG);
  probe(neverReassigned);
  probe(reassigned);
  probe(ev);
  probe(EVENT_TYPES.TYPING_START);
  probe(CHANNEL_PATTERNS.conversation(orgId, convId));
  probe(getChannelName(convId));
  probe(isTyping ? "typing:start" : "typing:stop");
  probe(isTyping ? "typing:start" : p);
  probe(INBOX);
  probe(PRESENCE);
  probe(EVENTS.NEW);
  probe(ns.REEXPORTED);
  probe(ns.STARRED);
  probe(def);
  probe(CYCLE);
  probe(p);
  probe(MISSING);
  probe(UNIFIED_EVENTS.TYPING_START);
  probe(UNIFIED_CHANNELS.conversation(orgId, convId));
  probe(`${ORG}:${UNIFIED_EVENTS.TYPING_START}`);
}

export function shadowed(ORG: string) {
  probe(ORG);
}

class Service {
  conversationChannel(o: string, c: string) {
    return `org:${o}:conv:${c}`;
  }
  open(o: string, c: string) {
    probe(this.conversationChannel(o, c));
  }
}
export const service = new Service();
