'use client';

import { useEffect, useState } from 'react';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS, subscribeToChannel } from '@/lib/realtime';
// ok: hook-deprecated
import { useTypingIndicators } from '@/hooks/useTypingIndicators';

interface TypingPreviewBubbleProps {
  organizationId: string;
  conversationId: string;
}

// Shows the visitor's draft as they type ("typing preview"), dashboard side.
export function TypingPreviewBubble({ organizationId, conversationId }: TypingPreviewBubbleProps) {
  const [preview, setPreview] = useState<string | null>(null);
  // ok: hook-deprecated
  const { names } = useTypingIndicators(organizationId, conversationId);

  useEffect(() => {
    // ok: channel-hand-built, channel-invalid-name, supabase-channel-direct, event-name-custom, event-name-literal
    // ruleid: typing-stop-missing
    return subscribeToChannel(UNIFIED_CHANNELS.conversationTyping(organizationId, conversationId), UNIFIED_EVENTS.TYPING_START, (payload) => {
      setPreview(typeof payload.previewText === 'string' ? payload.previewText : null);
    });
  }, [organizationId, conversationId]);

  if (!preview) return null;
  return (
    <div className="mx-4 my-1 max-w-sm rounded-lg border border-dashed px-3 py-2 text-sm text-gray-400">
      {names[0] ?? 'Visitor'}: {preview}
    </div>
  );
}
