'use client';

import { useMemo, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';
import { analytics } from '@/analytics/track';

const supabase = createClient();

// Legacy name, still sent to analytics.
// ok: event-name-custom
const TYPING_EVENT = 'typing_start';

// The parameter shadows the module constant above: its value is unknown here.
function sendTypingEvent(orgId: string, convId: string, TYPING_EVENT: string) {
  // ok: channel-hand-built
  // ruleid: supabase-channel-direct
  return supabase.channel(UNIFIED_CHANNELS.conversationTyping(orgId, convId)).send({
    type: 'broadcast',
    // ok: event-name-custom
    event: TYPING_EVENT,
    payload: { conversationId: convId },
  });
}

interface MessageInputProps {
  organizationId: string;
  conversationId: string;
  onSend: (content: string) => Promise<void> | void;
}

export function MessageInput({ organizationId, conversationId, onSend }: MessageInputProps) {
  const [value, setValue] = useState('');
  const [isInternalNote, setIsInternalNote] = useState(false);
  const stopTimer = useRef<ReturnType<typeof setTimeout>>();

  // ruleid: supabase-channel-direct
  const channel = useMemo(() => supabase.channel(UNIFIED_CHANNELS.conversation(organizationId, conversationId)), [organizationId, conversationId]);

  const broadcastTyping = (isTyping: boolean) => {
    void channel.send({
      type: 'broadcast',
      // ok: event-name-custom, event-name-literal
      event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP,
      payload: { conversationId, isTyping },
    });
  };

  const onChange = (next: string) => {
    setValue(next);
    broadcastTyping(true);
    analytics.track(TYPING_EVENT);
    clearTimeout(stopTimer.current);
    stopTimer.current = setTimeout(() => broadcastTyping(false), 2000);
    void sendTypingEvent(organizationId, conversationId, UNIFIED_EVENTS.TYPING_UPDATE);
  };

  const saveDraft = () => {
    // ok: event-name-custom
    let draftEvent = 'draft_saved';
    void channel.send({
      type: 'broadcast',
      // ruleid: event-name-custom, event-never-heard
      event: draftEvent,
      payload: { conversationId, length: value.length },
    });
  };

  const submit = async () => {
    // ok: event-name-custom
    let sendEvent = 'message_sent';
    if (isInternalNote) {
      sendEvent = 'note_sent';
    }
    await onSend(value);
    setValue('');
    broadcastTyping(false);
    void channel.send({
      type: 'broadcast',
      // ok: event-name-custom
      event: sendEvent,
      payload: { conversationId },
    });
  };

  return (
    <div className="flex gap-2 border-t p-2">
      <label className="text-xs">
        <input type="checkbox" checked={isInternalNote} onChange={(e) => setIsInternalNote(e.target.checked)} /> Note
      </label>
      <textarea value={value} onChange={(e) => onChange(e.target.value)} onBlur={saveDraft} className="flex-1" />
      <button type="button" onClick={() => void submit()}>
        Send
      </button>
    </div>
  );
}
