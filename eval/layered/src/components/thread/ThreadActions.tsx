'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/lib/realtime';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';
import { signalThread, signalFocus } from '@/lib/realtime/client/signals';
import { useThreadRoom } from '@/hooks/useThreadRoom';
import { threadTopic } from '@/lib/realtime/topics';

export function ThreadActions({ orgId, threadId, userId }: { orgId: string; threadId: string; userId: string }) {
  const room = useThreadRoom(orgId, threadId);
  // ruleid: use-realtime-missing-type
  const { subscribe } = useRealtime({ organizationId: orgId, conversationId: threadId });
  const [someoneTyping, setSomeoneTyping] = useState(false);
  const [history, setHistory] = useState<unknown[]>([]);

  useEffect(() => {
    // ruleid: typing-stop-missing
    return subscribe(UNIFIED_EVENTS.TYPING_START, () => setSomeoneTyping(true));
  }, [subscribe]);

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name
    void fetch(`/api/realtime/history?topic=${encodeURIComponent(threadTopic(orgId, threadId))}`)
      .then((r) => r.json())
      .then(setHistory);
  }, [orgId, threadId]);

  const nudge = () => {
    // ruleid: event-name-custom
    void signalThread(room, 'nudge', { from: userId });
  };

  const away = () => {
    // ruleid: event-name-literal
    void signalThread(room, 'visitor:idle', { userId });
  };

  return (
    <div onFocus={() => void signalFocus(room, userId)}>
      {someoneTyping && <span>typing</span>}
      <small>{history.length} events</small>
      <button onClick={nudge}>Nudge</button>
      <button onClick={away}>Away</button>
    </div>
  );
}
