// The file every cache entry of the cache_entry harness describes: findings
// with fixes, a suppression, an import that does not resolve.
import { supabase } from "@/lib/supabase";
import { missing } from "./nowhere";

export function presenceChannel(orgId: string, convId: string) {
  return `org:${orgId}:conv:${convId}:presence`;
}

export function startTyping(orgId: string, convId: string) {
  const ch = supabase.channel(`org:${orgId}:conv:${convId}`);
  ch.send({ type: "broadcast", event: "typing_indicator", payload: { missing } });
  // rtlint-disable-next-line event-name-custom -- kept for the old widget
  ch.send({ type: "broadcast", event: "typing_start", payload: {} });
  ch.subscribe();
}
