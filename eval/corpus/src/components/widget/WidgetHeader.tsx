'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/hooks/useRealtime';
import { UNIFIED_EVENTS } from '@/lib/realtime';
// ruleid: hook-deprecated
import { useTypingIndicator } from '@/components/widget/features/AdvancedTypingIndicator';
import { UnreadBadge } from '@/components/shared/UnreadBadge';

interface WidgetHeaderProps {
  organizationId: string;
  conversationId: string;
  visitorId: string;
  title?: string;
}

// ruleid: typing-indicator-duplicate
function HeaderTypingIndicator({ active }: { active: boolean }) {
  return active ? <span className="ml-2 animate-pulse text-xs">typing…</span> : null;
}

// ok: typing-indicator-duplicate
const TypingIndicatorSkeleton = () => <span className="ml-2 h-3 w-8 rounded bg-gray-100" />;

export function WidgetHeader({ organizationId, conversationId, visitorId, title = 'Support' }: WidgetHeaderProps) {
  const [agentTyping, setAgentTyping] = useState(false);
  const [loading, setLoading] = useState(true);
  // ruleid: use-realtime-missing-type
  const { subscribe, isConnected } = useRealtime({ organizationId, conversationId, userId: visitorId });
  // ruleid: hook-deprecated
  const { isTyping: visitorTyping } = useTypingIndicator(conversationId, organizationId, visitorId, 'Visitor');

  useEffect(() => {
    setLoading(false);
    // ok: event-name-custom, event-name-literal, channel-error-unhandled
    // ruleid: typing-stop-missing
    const offStart = subscribe(UNIFIED_EVENTS.TYPING_START, () => setAgentTyping(true));
    // ok: event-name-custom, event-name-literal
    const offUpdate = subscribe(UNIFIED_EVENTS.TYPING_UPDATE, () => setAgentTyping(true));
    return () => {
      offStart();
      offUpdate();
    };
  }, [subscribe]);

  return (
    <header className="flex items-center justify-between bg-orange-500 px-3 py-2 text-white">
      <span>
        {title}
        {/* ok: typing-indicator-duplicate */}
        {loading ? <TypingIndicatorSkeleton /> : <HeaderTypingIndicator active={agentTyping && !visitorTyping} />}
      </span>
      <UnreadBadge count={0} />
      {!isConnected && <span className="text-xs opacity-75">offline</span>}
    </header>
  );
}
