import React from 'react';

// ok: typing-indicator-duplicate
export type TypingIndicatorSize = 'sm' | 'md';

interface TypingDotsProps {
  size?: TypingIndicatorSize;
}

// Purely presentational dots; not a typing indicator component (no users, no realtime).
// ok: typing-indicator-duplicate
export function TypingDots({ size = 'sm' }: TypingDotsProps) {
  const dot = size === 'sm' ? 'h-1 w-1' : 'h-2 w-2';
  return (
    <span className="inline-flex gap-1">
      <span className={`${dot} animate-pulse rounded-full bg-current`} />
      <span className={`${dot} animate-pulse rounded-full bg-current`} />
      <span className={`${dot} animate-pulse rounded-full bg-current`} />
    </span>
  );
}

// ok: typing-indicator-duplicate
export const typingIndicatorClassName = 'text-xs text-muted-foreground';
