'use client';

import { useCallback, useState } from 'react';
import { RealtimeClient } from '@/lib/realtime';
import { createClient } from '@/lib/supabase/client';

export interface RealTimeMessagingConfig {
  organizationId: string;
  conversationId: string;
}

const client = new RealtimeClient(createClient());

/** @deprecated use useRealtime() */
// ok: hook-deprecated
export function useRealTimeMessaging({ organizationId, conversationId }: RealTimeMessagingConfig) {
  const [lastSent, setLastSent] = useState<string | null>(null);

  const sendMessage = useCallback(
    async (content: string) => {
      // ruleid: channel-hand-built, event-name-custom
      await client.publish(client.topicFor({ orgId: organizationId, threadId: conversationId }), 'new_message', { content });
      setLastSent(content);
    },
    [organizationId, conversationId]
  );

  return { sendMessage, lastSent };
}
