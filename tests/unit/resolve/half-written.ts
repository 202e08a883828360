/* A file being typed: a stray line in the middle and the last function not
 * closed yet. tree-sitter's recovery leaves the program's statements flat. */
import { createClient } from "@supabase/supabase-js";
const supabase = createClient("u", "k");
const orgId = "o";
const ROOM_0 = `org:${orgId}:room0`;
const ROOM_1 = `org:${orgId}:room1`;
const ROOM_2 = `org:${orgId}:room2`;
const ROOM_3 = `org:${orgId}:room3`;
const ROOM_4 = `org:${orgId}:room4`;
const ROOM_5 = `org:${orgId}:room5`;
const ROOM_6 = `org:${orgId}:room6`;
const ROOM_7 = `org:${orgId}:room7`;
const ROOM_8 = `org:${orgId}:room8`;
const ROOM_9 = `org:${orgId}:room9`;
const ROOM_10 = `org:${orgId}:room10`;
const ROOM_11 = `org:${orgId}:room11`;
const ROOM_12 = `org:${orgId}:room12`;
const ROOM_13 = `org:${orgId}:room13`;
const ROOM_14 = `org:${orgId}:room14`;
const ROOM_15 = `org:${orgId}:room15`;
const ROOM_16 = `org:${orgId}:room16`;
const ROOM_17 = `org:${orgId}:room17`;
const ROOM_18 = `org:${orgId}:room18`;
const ROOM_19 = `org:${orgId}:room19`;
const ROOM_20 = `org:${orgId}:room20`;
const ROOM_21 = `org:${orgId}:room21`;
const ROOM_22 = `org:${orgId}:room22`;
const ROOM_23 = `org:${orgId}:room23`;
const ROOM_24 = `org:${orgId}:room24`;
const ROOM_25 = `org:${orgId}:room25`;
const ROOM_26 = `org:${orgId}:room26`;
const ROOM_27 = `org:${orgId}:room27`;
const ROOM_28 = `org:${orgId}:room28`;
const ROOM_29 = `org:${orgId}:room29`;
const ROOM_30 = `org:${orgId}:room30`;
const ROOM_31 = `org:${orgId}:room31`;
const ROOM_32 = `org:${orgId}:room32`;
const ROOM_33 = `org:${orgId}:room33`;
const ROOM_34 = `org:${orgId}:room34`;
const ROOM_35 = `org:${orgId}:room35`;
const ROOM_36 = `org:${orgId}:room36`;
const ROOM_37 = `org:${orgId}:room37`;
const ROOM_38 = `org:${orgId}:room38`;
const ROOM_39 = `org:${orgId}:room39`;
const broken = = ;
export function sub0(x: number) {
  const y = x * 0;
  return supabase.channel(ROOM_0).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub1(x: number) {
  const y = x * 1;
  return supabase.channel(ROOM_1).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub2(x: number) {
  const y = x * 2;
  return supabase.channel(ROOM_2).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub3(x: number) {
  const y = x * 3;
  return supabase.channel(ROOM_3).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub4(x: number) {
  const y = x * 4;
  return supabase.channel(ROOM_4).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub5(x: number) {
  const y = x * 5;
  return supabase.channel(ROOM_5).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub6(x: number) {
  const y = x * 6;
  return supabase.channel(ROOM_6).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub7(x: number) {
  const y = x * 7;
  return supabase.channel(ROOM_7).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub8(x: number) {
  const y = x * 8;
  return supabase.channel(ROOM_8).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub9(x: number) {
  const y = x * 9;
  return supabase.channel(ROOM_9).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub10(x: number) {
  const y = x * 10;
  return supabase.channel(ROOM_10).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub11(x: number) {
  const y = x * 11;
  return supabase.channel(ROOM_11).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub12(x: number) {
  const y = x * 12;
  return supabase.channel(ROOM_12).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub13(x: number) {
  const y = x * 13;
  return supabase.channel(ROOM_13).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub14(x: number) {
  const y = x * 14;
  return supabase.channel(ROOM_14).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub15(x: number) {
  const y = x * 15;
  return supabase.channel(ROOM_15).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub16(x: number) {
  const y = x * 16;
  return supabase.channel(ROOM_16).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub17(x: number) {
  const y = x * 17;
  return supabase.channel(ROOM_17).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub18(x: number) {
  const y = x * 18;
  return supabase.channel(ROOM_18).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub19(x: number) {
  const y = x * 19;
  return supabase.channel(ROOM_19).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub20(x: number) {
  const y = x * 20;
  return supabase.channel(ROOM_20).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub21(x: number) {
  const y = x * 21;
  return supabase.channel(ROOM_21).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub22(x: number) {
  const y = x * 22;
  return supabase.channel(ROOM_22).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub23(x: number) {
  const y = x * 23;
  return supabase.channel(ROOM_23).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub24(x: number) {
  const y = x * 24;
  return supabase.channel(ROOM_24).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub25(x: number) {
  const y = x * 25;
  return supabase.channel(ROOM_25).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub26(x: number) {
  const y = x * 26;
  return supabase.channel(ROOM_26).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub27(x: number) {
  const y = x * 27;
  return supabase.channel(ROOM_27).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub28(x: number) {
  const y = x * 28;
  return supabase.channel(ROOM_28).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub29(x: number) {
  const y = x * 29;
  return supabase.channel(ROOM_29).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub30(x: number) {
  const y = x * 30;
  return supabase.channel(ROOM_30).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub31(x: number) {
  const y = x * 31;
  return supabase.channel(ROOM_31).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub32(x: number) {
  const y = x * 32;
  return supabase.channel(ROOM_32).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub33(x: number) {
  const y = x * 33;
  return supabase.channel(ROOM_33).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub34(x: number) {
  const y = x * 34;
  return supabase.channel(ROOM_34).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub35(x: number) {
  const y = x * 35;
  return supabase.channel(ROOM_35).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub36(x: number) {
  const y = x * 36;
  return supabase.channel(ROOM_36).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub37(x: number) {
  const y = x * 37;
  return supabase.channel(ROOM_37).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub38(x: number) {
  const y = x * 38;
  return supabase.channel(ROOM_38).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function sub39(x: number) {
  const y = x * 39;
  return supabase.channel(ROOM_39).on("broadcast", { event: "message:created" }, () => y).subscribe();
}
export function typing(x: number) {
  const y = x + 1;
  if (y > 3) { console.log(y); }
