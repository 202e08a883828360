// Types only: components import the deprecated hook from its own module.
// ok: hook-deprecated
export type { RealTimeMessagingConfig, EnhancedMessage } from './useRealTimeMessaging';
