'use client';

import { useCallback, useState } from 'react';
import { useAuth } from '@/hooks/useAuth';
import { useInboxRealtime } from '@/hooks/useInboxRealtime';
import { RealtimeMessageLoader } from '@/components/inbox/RealtimeMessageLoader';
import { ConversationList } from '@/components/inbox/ConversationList';
import { ConversationHeader } from '@/components/inbox/ConversationHeader';
import { MessageThread } from '@/components/inbox/MessageThread';
import { InboxTypingIndicator } from '@/components/inbox/InboxTypingIndicator';
import { ConversationPreviewCard } from '@/components/inbox/ConversationPreviewCard';
import { MessageInput } from '@/components/chat/MessageInput';
import { ReadReceipts } from '@/components/chat/ReadReceipts';
import { useTypingBroadcast } from '@/hooks/useTypingBroadcast';
import { useMessageSender } from '@/hooks/useMessageSender';

export default function InboxPage() {
  const { user, organizationId } = useAuth();
  const [selected, setSelected] = useState<string | null>(null);
  const [agentTyping, setAgentTyping] = useState(false);
  const { unread, reset } = useInboxRealtime();
  const { sendTyping } = useTypingBroadcast(organizationId ?? '', selected ?? '', user?.id ?? '');
  const { sendText } = useMessageSender({ organizationId: organizationId ?? '', conversationId: selected ?? '', userId: user?.id ?? '' });

  const onMessage = useCallback(() => reset(), [reset]);

  if (!organizationId) return null;

  return (
    <div className="grid h-full grid-cols-[320px_1fr]">
      <aside className="overflow-y-auto border-r">
        <div className="px-3 py-2 text-xs text-gray-500">{unread} unread</div>
        <ConversationList organizationId={organizationId} onSelect={setSelected} />
        {selected && <ConversationPreviewCard organizationId={organizationId} conversationId={selected} subject="Preview" />}
      </aside>
      {selected ? (
        <section className="flex flex-col">
          <ConversationHeader conversationId={selected} subject="Conversation" visitorName="Visitor" />
          <RealtimeMessageLoader conversationId={selected} onMessage={onMessage} onTyping={setAgentTyping} />
          <MessageThread conversationId={selected} />
          <InboxTypingIndicator conversationId={selected} />
          {agentTyping && <span className="sr-only">Someone is typing</span>}
          <ReadReceipts organizationId={organizationId} conversationId={selected} currentUserId={user?.id ?? ''} type="dashboard" />
          <MessageInput
            organizationId={organizationId}
            conversationId={selected}
            onSend={async (content) => {
              void sendTyping(false);
              await sendText(content);
            }}
          />
        </section>
      ) : (
        <div className="grid place-items-center text-gray-400">Select a conversation</div>
      )}
    </div>
  );
}
