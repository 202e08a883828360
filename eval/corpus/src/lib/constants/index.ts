export * from './events';
export * from './channels';
export { REALTIME_EVENTS, MESSAGE_STATUS_PREFIX } from './realtime-events';
export type { RealtimeEventName } from './realtime-events';
