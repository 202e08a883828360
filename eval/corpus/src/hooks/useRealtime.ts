// The app-facing import path for the realtime hook: `import { useRealtime } from '@/hooks/useRealtime'`.
export { useRealtime } from '@/lib/realtime/useRealtime';
export type { UseRealtimeConfig, RealtimeState, RealtimeActions, RealtimeType } from '@/lib/realtime/useRealtime';
export { useRealtime as default } from '@/lib/realtime/useRealtime';
