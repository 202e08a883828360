'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { useRealtime } from '@/hooks/useRealtime';
import { useAuth } from '@/hooks/useAuth';
import { ChatWindow } from '@/components/chat/ChatWindow';
import { useConversationEvents } from '@/hooks/useConversationEvents';
import { useConversationRealtime } from '@/hooks/useConversationRealtime';
import { usePresenceChannel } from '@/hooks/usePresenceChannel';
import { TypingBadge } from './TypingBadge';

export default function ConversationPage({ params }: { params: { id: string } }) {
  const supabase = createClient();
  const { user, organizationId } = useAuth();
  const orgId = organizationId ?? '';
  const [handover, setHandover] = useState<string | null>(null);
  // ruleid: use-realtime-missing-type
  const [state] = useRealtime({ organizationId: orgId, conversationId: params.id });
  const events = useConversationEvents(orgId, params.id);
  const history = useConversationRealtime(orgId, params.id);
  const { viewers } = usePresenceChannel(orgId, params.id, { userId: user?.id ?? '', name: user?.email ?? '' });

  useEffect(() => {
    if (!orgId) return;
    // ruleid: channel-hand-built
    const handoverChannelName = `org:${orgId}:conv:${params.id}:handover`;
    // ruleid: supabase-channel-direct, channel-hand-built
    const channel = supabase.channel(handoverChannelName);
    // ok: supabase-channel-direct
    // ruleid: event-name-custom, event-never-sent
    channel.on('broadcast', { event: 'handover' }, ({ payload }) => setHandover(String(payload.agentName)));
    // ruleid: channel-error-unhandled
    channel.subscribe();

    return () => {
      // ok: supabase-channel-direct
      void supabase.removeChannel(channel);
    };
  }, [supabase, orgId, params.id]);

  return (
    <div className="flex h-full flex-col">
      <div className="border-b px-4 py-2 text-xs text-gray-500">
        {viewers.length} viewing · {history.length} updates · {events.typing ? 'visitor typing' : 'idle'}
        {state.fallbackMode && ' · polling'}
        {handover && ` · handed over to ${handover}`}
      </div>
      <TypingBadge organizationId={orgId} conversationId={params.id} />
      <ChatWindow organizationId={orgId} conversationId={params.id} currentUserId={user?.id ?? ''} />
    </div>
  );
}
