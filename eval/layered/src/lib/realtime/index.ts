// Public entry point of the realtime layer for client code: import from '@/lib/realtime'.
export * from './unified-channel-standards';
export * from './topics';
export { Kinds, StandardKinds } from './kinds';
export type { Kind } from './kinds';
export { RoomChannel, openRoom } from './client/room';
export { default as RealtimeClient, realtimeClient } from './client/RealtimeClient';
export { useRealtime } from './useRealtime';
export { attachThreadDispatcher, attachInboxDispatcher } from './dispatch';
