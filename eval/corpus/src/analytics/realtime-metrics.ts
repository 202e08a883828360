import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import { analytics } from './track';

interface LatencySample {
  channel: string;
  ms: number;
}

const samples: LatencySample[] = [];

export function recordLatency(channel: string, ms: number) {
  samples.push({ channel, ms });
  if (samples.length >= 50) void flushLatency();
}

export async function flushLatency() {
  const supabase = createClient();
  const batch = samples.splice(0);
  if (batch.length === 0) return;

  // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
  const perf = supabase.channel(UNIFIED_CHANNELS.performance());
  // ok: channel-error-unhandled
  perf.subscribe();
  await perf.send({
    type: 'broadcast',
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-heard
    event: UNIFIED_EVENTS.SYSTEM_HEALTH_CHECK,
    payload: { batch },
  });
  analytics.track('realtime_latency_flushed', { count: batch.length });
  await supabase.removeChannel(perf);
}

export function watchOrgMetrics(orgId: string, onSample: (value: number) => void) {
  const supabase = createClient();
  // ruleid: channel-hand-built, channel-invalid-name
  const name = `metrics:${orgId}`;
  // ruleid: channel-hand-built, channel-invalid-name
  const channel = supabase.channel(name)
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-sent
    .on('broadcast', { event: UNIFIED_EVENTS.SYSTEM_HEALTH_CHECK }, ({ payload }) => onSample(Number(payload.value)));

  // ruleid: channel-error-unhandled
  channel.subscribe((status) => {
    if (status !== 'SUBSCRIBED') {
      throw new Error(`metrics channel ${name}: ${status}`);
    }
  });

  return () => supabase.removeChannel(channel);
}
