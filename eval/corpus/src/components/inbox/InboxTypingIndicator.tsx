'use client';

import { useTypingPreview } from '@/lib/realtime/useTypingPreview';

interface Props {
  conversationId: string;
}

// A second dashboard typing indicator that re-implements the canonical one.
// ruleid: typing-indicator-duplicate
export const InboxTypingIndicator = ({ conversationId }: Props) => {
  const typingUsers = useTypingPreview(conversationId);
  if (typingUsers.length === 0) return null;
  return (
    <div className="px-4 py-1 text-xs italic text-gray-500">
      {typingUsers.map((u) => u.userName).join(', ')} typing
      {typingUsers[0].previewText ? `: ${typingUsers[0].previewText}` : '…'}
    </div>
  );
};
