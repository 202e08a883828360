'use client';

import { useEffect, useState } from 'react';
// ruleid: hook-deprecated
import { useRealTimeMessaging as useMessaging } from '@/components/enhanced-messaging/useRealTimeMessaging';
import { useRealtime } from '@/hooks/useRealtime';
import { LEGACY_CHANNELS, channelManager } from '@/lib/realtime';
import TypingIndicator from './TypingIndicator';
import { MessageInput } from './MessageInput';

interface ChatWindowProps {
  organizationId: string;
  conversationId: string;
  currentUserId: string;
}

export function ChatWindow({ organizationId, conversationId, currentUserId }: ChatWindowProps) {
  // ruleid: hook-deprecated
  const { messages, sendMessage, isConnected } = useMessaging({ conversationId, organizationId, userId: currentUserId });
  // ruleid: use-realtime-missing-type
  const [realtime] = useRealtime({ organizationId, conversationId, types: ['message', 'typing'] });
  const [handover, setHandover] = useState(false);

  useEffect(() => {
    // ok: supabase-channel-direct
    // ruleid: channel-hand-built, channel-invalid-name
    const channel = channelManager.getChannel(LEGACY_CHANNELS.conversation(conversationId));
    // ruleid: supabase-channel-direct, event-name-literal, event-never-sent
    channel.on('broadcast', { event: 'ai:handover:requested' }, () => setHandover(true));
    // ok: channel-hand-built, channel-invalid-name
    return () => channelManager.release(LEGACY_CHANNELS.conversation(conversationId));
  }, [conversationId]);

  return (
    <section className="flex h-full flex-col">
      {(!isConnected || realtime.fallbackMode) && <div className="text-xs text-amber-600">Connection lost, retrying…</div>}
      {handover && <div className="text-xs text-blue-600">A human agent will join shortly.</div>}
      <div className="flex-1 overflow-y-auto">
        {messages.map((m) => (
          <p key={m.id}>{m.content}</p>
        ))}
      </div>
      <TypingIndicator conversationId={conversationId} organizationId={organizationId} currentUserId={currentUserId} />
      <MessageInput organizationId={organizationId} conversationId={conversationId} onSend={sendMessage} />
    </section>
  );
}
