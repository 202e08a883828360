'use client';

// ok: typing-indicator-duplicate
import { TypingIndicator } from '@/components/unified-ui/components/Realtime';
import { useTypingPreview } from '@/lib/realtime/useTypingPreview';
// ok: hook-deprecated
import type { RealTimeMessagingConfig } from '@/components/enhanced-messaging/useRealTimeMessaging';

interface ConversationHeaderProps {
  conversationId: string;
  subject: string;
  visitorName: string;
  messagingConfig?: RealTimeMessagingConfig;
}

export function ConversationHeader({ conversationId, subject, visitorName }: ConversationHeaderProps) {
  // ok: hook-deprecated
  const typingUsers = useTypingPreview(conversationId);

  return (
    <header className="flex items-center justify-between border-b px-4 py-3">
      <div>
        <h2 className="font-semibold">{subject}</h2>
        <p className="text-sm text-gray-500">{visitorName}</p>
      </div>
      {/* ok: typing-indicator-duplicate */}
      <TypingIndicator users={typingUsers} showPreview={false} />
    </header>
  );
}
