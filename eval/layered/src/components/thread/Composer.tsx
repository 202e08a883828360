'use client';

import { useState } from 'react';
import { useRealtime } from '@/lib/realtime/useRealtime';
import { Kinds } from '@/lib/realtime/kinds';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { analytics } from '@/lib/analytics/track';

interface ComposerProps {
  orgId: string;
  threadId: string;
  userId: string;
}

export default function Composer({ orgId, threadId, userId }: ComposerProps) {
  const [text, setText] = useState('');
  const { broadcast: send } = useRealtime({ type: 'dashboard', organizationId: orgId, conversationId: threadId });
  // ruleid: use-realtime-missing-type
  const drafts = useRealtime({ organizationId: orgId, userId });

  const onChange = (value: string) => {
    setText(value);
    // ok: event-name-custom, event-name-literal
    void send(value ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP, { userId, threadId });
    // ruleid: event-name-custom
    void drafts.broadcast('draft.changed', { threadId, length: value.length });
  };

  const onSubmit = async () => {
    await fetch(`/api/threads/${threadId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ orgId, authorId: userId, text }),
    });
    // ok: event-name-custom
    analytics.messageSent(threadId);
    // ruleid: event-name-custom
    await send(Kinds.MESSAGE_POSTED, { threadId, userId });
    setText('');
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <textarea value={text} onChange={(e) => onChange(e.target.value)} />
      <button type="submit">Send</button>
    </form>
  );
}
