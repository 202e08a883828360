'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';

interface TypingUser {
  userId: string;
  userName: string;
  userType: 'agent' | 'customer' | 'ai';
  startedAt: Date;
  previewText?: string;
}

interface TypingIndicatorProps {
  conversationId: string;
  organizationId: string;
  currentUserId: string;
  className?: string;
}

// ACTUAL implementation - uses custom event names
// ruleid: typing-indicator-duplicate
export function AdvancedTypingIndicator({
  conversationId,
  organizationId,
  currentUserId,
  className = '',
}: TypingIndicatorProps) {
  const [typingUsers, setTypingUsers] = useState<TypingUser[]>([]);
  // ruleid: use-realtime-missing-type
  const { subscribe } = useRealtime({ organizationId, conversationId });

  useEffect(() => {
    // Subscribe to typing events - uses "typing_indicator" not UNIFIED_EVENTS
    // ok: typing-stop-missing, event-never-sent
    // ruleid: event-name-custom
    const unsubscribe = subscribe('typing_indicator', (payload: any) => {
      const { user_id, user_name, user_type, is_typing, preview_text } = payload;

      // Don't show typing indicator for current user
      if (user_id === currentUserId) return;

      setTypingUsers((prev) => {
        if (is_typing) {
          const existingIndex = prev.findIndex((u) => u.userId === user_id);
          const typingUser: TypingUser = {
            userId: user_id,
            userName: user_name || 'Someone',
            userType: user_type || 'agent',
            startedAt: new Date(),
            previewText: preview_text,
          };
          if (existingIndex >= 0) {
            const updated = [...prev];
            updated[existingIndex] = typingUser;
            return updated;
          }
          return [...prev, typingUser];
        }
        return prev.filter((u) => u.userId !== user_id);
      });
    });

    return () => {
      unsubscribe();
    };
  }, [conversationId, organizationId, currentUserId, subscribe]);

  if (typingUsers.length === 0) {
    return null;
  }

  return (
    <div className={`typing-indicators ${className}`}>
      {typingUsers.map((user) => (
        <div key={user.userId} className="typing-user">
          <span className="user-name">{user.userName}</span>
          <span className="typing-dots">
            <span className="dot"></span>
            <span className="dot"></span>
            <span className="dot"></span>
          </span>
          {user.previewText && <span className="typing-preview">&quot;{user.previewText}&quot;</span>}
        </div>
      ))}
    </div>
  );
}

// Widget-specific typing hook - ACTIVE in widget components
// ok: hook-deprecated, typing-indicator-duplicate
export function useTypingIndicator(
  conversationId: string,
  organizationId: string,
  userId: string,
  userName: string,
  userType: 'agent' | 'customer' | 'ai' = 'customer'
) {
  // ruleid: use-realtime-missing-type
  const { broadcast } = useRealtime({ organizationId, conversationId, userId });
  const [isTyping, setIsTyping] = useState(false);

  const setTyping = async (typing: boolean, previewText?: string) => {
    setIsTyping(typing);
    // ok: event-name-custom, event-name-literal
    await broadcast(typing ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP, {
      userId,
      userName,
      userType,
      conversationId,
      previewText,
    });
  };

  return { isTyping, setTyping };
}

export default AdvancedTypingIndicator;
