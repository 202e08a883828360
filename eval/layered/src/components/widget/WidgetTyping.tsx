'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { Topics, UNIFIED_EVENTS } from '@/lib/realtime/public';

/** Typing dots of the embedded widget (v1 typing topic until the widget migrates). */
export function WidgetTyping({ threadId }: { threadId: string }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const supabase = createClient();
    // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
    const channel = supabase.channel(Topics.build({ kind: 'typing', threadId }));
    channel
      // ok: supabase-channel-direct
      // ruleid: typing-stop-missing
      .on('broadcast', { event: UNIFIED_EVENTS.TYPING_START }, () => setVisible(true))
      // ok: channel-error-unhandled
      .subscribe((status) => {
        switch (status) {
          case 'CHANNEL_ERROR':
          case 'TIMED_OUT':
            setVisible(false);
            void fetch(`/api/widget/poll?thread=${threadId}`);
            break;
        }
      });
    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [threadId]);

  return visible ? <span className="widget-dots">•••</span> : null;
}
