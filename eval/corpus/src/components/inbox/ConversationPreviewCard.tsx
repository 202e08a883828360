'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';
import { TypingPreviewBubble } from '@/components/chat/TypingPreviewBubble';
import { UnreadBadge } from '@/components/shared/UnreadBadge';

interface ConversationPreviewCardProps {
  organizationId: string;
  conversationId: string;
  subject: string;
}

// Hover card in the dashboard inbox list (imported only by app/dashboard/inbox/page.tsx).
export function ConversationPreviewCard({ organizationId, conversationId, subject }: ConversationPreviewCardProps) {
  const [lastLine, setLastLine] = useState('');
  const [typing, setTyping] = useState(false);
  // ok: provider-context-outside
  const { subscribe } = useOrganizationRealtimeContext();

  useEffect(() => {
    // ruleid: typing-stop-missing
    return subscribe({
      onNewMessage(message) {
        if (message.conversation_id === conversationId) {
          setLastLine(message.content);
          setTyping(false);
        }
      },
      onTypingStart(data) {
        if (data.conversationId === conversationId) setTyping(true);
      },
    });
  }, [subscribe, conversationId]);

  return (
    <div className="w-80 rounded border bg-white p-3 shadow">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{subject}</h3>
        <UnreadBadge count={lastLine ? 1 : 0} />
      </div>
      <p className="truncate text-sm text-gray-500">{typing ? 'typing…' : lastLine}</p>
      <TypingPreviewBubble organizationId={organizationId} conversationId={conversationId} />
    </div>
  );
}
