import pino from 'pino';

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'threads-web' } });

/** Audit trail: one structured line per security-relevant action. */
export function audit(event: string, fields: Record<string, unknown> = {}) {
  logger.info({ ...fields, event, audit: true });
}

export function logRealtime(event: string, topic: string, extra: Record<string, unknown> = {}) {
  // ok: event-name-custom
  logger.debug({ event, topic, ...extra }, 'realtime');
}
