import { NextResponse } from 'next/server';
import { createServiceRoleClient } from '@/lib/supabase/server';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

export const dynamic = 'force-dynamic';

function waitForSubscription(name: string, timeoutMs = 3000): Promise<boolean> {
  const supabase = createServiceRoleClient();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct
    const channel = supabase.channel(name);
    // ruleid: channel-error-unhandled
    channel.subscribe((status) => {
      if (status === 'SUBSCRIBED') {
        clearTimeout(timer);
        void supabase.removeChannel(channel);
        resolve(true);
      }
    });
  });
}

export async function GET() {
  const supabase = createServiceRoleClient();
  // ok: channel-hand-built
  const realtimeOk = await waitForSubscription(UNIFIED_CHANNELS.health());

  // ruleid: channel-hand-built
  const healthChannel = supabase.channel('system:health');
  // ok: channel-error-unhandled
  healthChannel.subscribe();
  await healthChannel.send({
    type: 'broadcast',
    // ok: event-name-custom, event-name-literal
    // ruleid: event-never-heard
    event: UNIFIED_EVENTS.SYSTEM_HEALTH_CHECK,
    payload: { realtimeOk, at: new Date().toISOString() },
  });
  await supabase.removeChannel(healthChannel);

  const { data: announcement } = await supabase
    .from('announcements')
    .select('level, text')
    .eq('active', true)
    .maybeSingle();

  return NextResponse.json({ ok: true, realtimeOk, announcement });
}
