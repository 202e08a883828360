// Public entry point of the realtime layer: import from '@/lib/realtime'
export * from './unified-channel-standards';
export * from './broadcast';
export * from './legacy-channels';
export { channelManager, ChannelManager } from './channel-manager';
export { useRealtime } from './useRealtime';
export type { UseRealtimeConfig, RealtimeState, RealtimeActions } from './useRealtime';
