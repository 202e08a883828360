'use client';

import { useState } from 'react';
// ruleid: hook-deprecated
import { useRealTimeMessaging as useMessaging } from '@/components/enhanced-messaging/useRealTimeMessaging';
// ruleid: hook-deprecated
import { useTypingIndicator } from '@/components/widget/features/AdvancedTypingIndicator';

/** The v1 composer, still used by the embedded widget build. */
export function LegacyComposer({ orgId, threadId }: { orgId: string; threadId: string }) {
  const [draft, setDraft] = useState('');
  // ruleid: hook-deprecated
  const { sendMessage } = useMessaging({ organizationId: orgId, conversationId: threadId });
  // ruleid: hook-deprecated
  const { isTyping } = useTypingIndicator(orgId, threadId);

  return (
    <div>
      {isTyping && <em>typing…</em>}
      <input value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button onClick={() => void sendMessage(draft)}>Send</button>
    </div>
  );
}
