'use client';

import { useEffect, useState } from 'react';
import posthog from 'posthog-js';
import { analytics } from '@/analytics/track';
import { useWidgetStore } from '@/lib/stores/widgetStore';

interface WidgetLauncherProps {
  organizationId: string;
  onOpen: () => void;
}

export function WidgetLauncher({ organizationId, onOpen }: WidgetLauncherProps) {
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setUnread(0);
    };
    // ok: event-name-custom, supabase-channel-direct
    document.addEventListener('keydown', onKey);

    const onUnread = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    // ok: event-name-custom
    window.addEventListener('widget:unread', onUnread);

    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('widget:unread', onUnread);
    };
  }, []);

  // Store subscription (zustand), not a realtime channel.
  // ok: channel-error-unhandled
  useEffect(() => useWidgetStore.subscribe((state) => setUnread(state.unread)), []);

  const open = () => {
    // ok: event-name-custom
    posthog.capture('widget_opened', { organizationId });
    // ok: event-name-custom, event-name-literal
    analytics.track('conversation:created', { source: 'launcher' });
    // ok: event-name-custom
    window.parent.postMessage({ type: 'campfire:widget', event: 'widget_opened' }, '*');
    onOpen();
  };

  return (
    <button type="button" onClick={open} className="fixed bottom-4 right-4 rounded-full bg-orange-500 p-4 text-white shadow-lg">
      Chat with us
      {unread > 0 && <span className="ml-2 rounded-full bg-white px-2 text-orange-600">{unread}</span>}
    </button>
  );
}
