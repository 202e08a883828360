'use client';

import { useEffect, useState } from 'react';
import { channelManager } from '@/lib/realtime/channel-manager';

interface TypingUser {
  userId: string;
  userName: string;
}

interface TypingIndicatorProps {
  conversationId: string;
  organizationId: string;
  currentUserId: string;
  className?: string;
}

// Chat-specific implementation - uses different patterns
// ruleid: typing-indicator-duplicate
export default function TypingIndicator({ conversationId, currentUserId, className = '' }: TypingIndicatorProps) {
  const [typingUsers, setTypingUsers] = useState<TypingUser[]>([]);

  // Uses channelManager instead of useRealtime
  useEffect(() => {
    // ok: supabase-channel-direct
    // ruleid: channel-hand-built, channel-invalid-name
    const channel = channelManager.getChannel(`conversation:${conversationId}`);

    // ruleid: supabase-channel-direct, event-name-custom, event-never-sent
    channel.on('broadcast', { event: 'typing' }, ({ payload }: { payload: any }) => {
      if (payload.user_id === currentUserId) return;
      setTypingUsers((prev) =>
        payload.is_typing
          ? [...prev.filter((u) => u.userId !== payload.user_id), { userId: payload.user_id, userName: payload.user_name }]
          : prev.filter((u) => u.userId !== payload.user_id)
      );
    });

    // ok: channel-hand-built, channel-invalid-name
    return () => channelManager.release(`conversation:${conversationId}`);
  }, [conversationId, currentUserId]);

  if (typingUsers.length === 0) return null;

  return (
    <div className={`chat-typing ${className}`}>
      {typingUsers.map((u) => u.userName).join(', ')} {typingUsers.length === 1 ? 'is' : 'are'} typing…
    </div>
  );
}
