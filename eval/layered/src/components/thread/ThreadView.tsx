'use client';

import { useEffect, useState } from 'react';
import { useRealtime, UNIFIED_EVENTS } from '@/lib/realtime';
import { useThreadRoom } from '@/hooks/useThreadRoom';
import Composer from './Composer';
import { TypingLine, ReadReceipts } from '.';

interface Props {
  orgId: string;
  threadId: string;
  userId: string;
}

export function ThreadView({ orgId, threadId, userId }: Props) {
  const [messages, setMessages] = useState<{ id: string; content: string }[]>([]);
  const { broadcast, subscribe, status } = useRealtime({ type: 'dashboard', organizationId: orgId, conversationId: threadId });
  const room = useThreadRoom(orgId, threadId);

  useEffect(() => {
    // ok: event-name-custom, event-name-literal
    const offCreated = subscribe(UNIFIED_EVENTS.MESSAGE_CREATED, (p) => setMessages((m) => [...m, p.message]));
    // ruleid: event-name-custom
    const offDraft = subscribe('draft_discarded', (p) => console.debug('draft gone', p.draftId));
    return () => {
      offCreated();
      offDraft();
    };
  }, [subscribe]);

  const onBlur = () => {
    // ruleid: event-name-custom
    void broadcast('typing_indicator', { userId, threadId, is_typing: false });
  };

  return (
    <section onBlur={onBlur} data-status={status}>
      {messages.map((m) => (
        <p key={m.id}>{m.content}</p>
      ))}
      <TypingLine orgId={orgId} threadId={threadId} />
      <ReadReceipts room={room} userId={userId} />
      <Composer orgId={orgId} threadId={threadId} userId={userId} />
    </section>
  );
}
