'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/lib/realtime';

/**
 * @deprecated use useRealtime({ type: 'widget', ... }) and the unified TypingIndicator.
 */
// ok: hook-deprecated, typing-indicator-duplicate
export function useTypingIndicator(organizationId: string, conversationId: string) {
  const { subscribe } = useRealtime({ type: 'widget', organizationId, conversationId });
  const [isTyping, setIsTyping] = useState(false);

  useEffect(() => {
    // ok: typing-stop-missing
    // ruleid: event-name-custom
    return subscribe('typing_indicator', (p: { is_typing: boolean }) => setIsTyping(p.is_typing));
  }, [subscribe]);

  return { isTyping };
}

// ruleid: typing-indicator-duplicate
export function AdvancedTypingIndicator({ organizationId, conversationId }: { organizationId: string; conversationId: string }) {
  // ok: hook-deprecated
  const { isTyping } = useTypingIndicator(organizationId, conversationId);
  return isTyping ? <span className="dots">…</span> : null;
}
