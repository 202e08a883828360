'use client';

import React from 'react';

export interface TypingIndicatorUser {
  userId: string;
  userName: string;
  previewText?: string;
}

// ok: typing-indicator-duplicate
export interface TypingIndicatorProps {
  users: TypingIndicatorUser[];
  showPreview?: boolean;
  className?: string;
}

function Dots() {
  return (
    <span className="inline-flex gap-0.5" aria-hidden>
      <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-gray-400 [animation-delay:-0.3s]" />
      <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-gray-400 [animation-delay:-0.15s]" />
      <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-gray-400" />
    </span>
  );
}

/**
 * The canonical typing indicator. Data comes from the caller (useTypingPreview or useRealtime).
 */
// ok: typing-indicator-duplicate
export function TypingIndicator({ users, showPreview = true, className = '' }: TypingIndicatorProps) {
  if (users.length === 0) return null;

  const label =
    users.length === 1 ? `${users[0].userName} is typing` : `${users.length} people are typing`;

  return (
    <div className={`flex items-center gap-2 text-sm text-gray-500 ${className}`} role="status" aria-live="polite">
      <Dots />
      <span>{label}</span>
      {showPreview && users[0].previewText && (
        <span className="truncate italic text-gray-400">&ldquo;{users[0].previewText}&rdquo;</span>
      )}
    </div>
  );
}

export default TypingIndicator;
