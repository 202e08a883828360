'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { SYSTEM_CHANNEL } from '@/lib/constants/channels';
import { UNIFIED_EVENTS } from '@/lib/realtime';

interface Announcement {
  level: 'info' | 'warning';
  text: string;
}

export function SystemBanner() {
  const supabase = createClient();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [degraded, setDegraded] = useState(false);

  useEffect(() => {
    const channel = supabase
      // ruleid: supabase-channel-direct, channel-hand-built
      .channel(SYSTEM_CHANNEL)
      // ok: supabase-channel-direct
      // ruleid: event-name-literal, event-never-sent
      .on('broadcast', { event: 'system:alert' }, ({ payload }) => setAnnouncement(payload as Announcement))
      // ok: event-name-custom, event-name-literal
      // ok: supabase-channel-direct
      // ruleid: event-never-sent
      .on('broadcast', { event: UNIFIED_EVENTS.SYSTEM_MAINTENANCE }, ({ payload }) =>
        setAnnouncement({ level: 'warning', text: String(payload.text) })
      )
      // ok: supabase-channel-direct
      .on('system', {}, (info) => console.debug('[system-banner]', info))
      // ok: channel-error-unhandled
      .subscribe((status, err) => {
        if (status === 'CHANNEL_ERROR') {
          console.warn('system channel unavailable, falling back to /api/health polling', err);
          setDegraded(true);
        }
      });

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [supabase]);

  useEffect(() => {
    if (!degraded) return;
    const timer = setInterval(async () => {
      const res = await fetch('/api/health');
      const body = await res.json();
      if (body.announcement) setAnnouncement(body.announcement);
    }, 60_000);
    return () => clearInterval(timer);
  }, [degraded]);

  if (!announcement) return null;
  return (
    <div className={announcement.level === 'warning' ? 'bg-amber-100 p-2 text-sm' : 'bg-blue-50 p-2 text-sm'}>{announcement.text}</div>
  );
}
