'use client';

import { useState } from 'react';
import { createClient } from '@/lib/supabase/client';
// ruleid: hook-deprecated
import { useRealTimeMessaging } from '@/components/enhanced-messaging/useRealTimeMessaging';

interface LegacyComposerProps {
  organizationId: string;
  conversationId: string;
  mergedConversationId?: string;
  userId: string;
}

// Old inbox composer: still writes messages itself.
export function LegacyComposer({ organizationId, conversationId, mergedConversationId, userId }: LegacyComposerProps) {
  const supabase = createClient();
  const [text, setText] = useState('');
  // ruleid: hook-deprecated
  const primary = useRealTimeMessaging({ organizationId, conversationId, userId });
  // ruleid: hook-deprecated
  const merged = useRealTimeMessaging({ organizationId, conversationId: mergedConversationId ?? conversationId, userId });

  const post = async () => {
    // ruleid: message-missing-organization-id
    const { error } = await supabase.from('messages').insert({ conversation_id: conversationId, sender_id: userId, sender_type: 'agent', content: text });
    if (!error) setText('');
  };

  return (
    <div className="border-t p-2">
      <p className="text-xs text-gray-400">
        {primary.messages.length + merged.messages.length} messages · {primary.isConnected ? 'live' : 'offline'}
      </p>
      <textarea value={text} onChange={(e) => setText(e.target.value)} className="w-full" />
      <button type="button" onClick={() => void post()}>
        Send
      </button>
    </div>
  );
}
