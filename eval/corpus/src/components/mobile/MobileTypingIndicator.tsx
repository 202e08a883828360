'use client';

import { memo } from 'react';
import { TypingDots } from '@/components/ui/TypingDots';

interface MobileTypingIndicatorProps {
  names: string[];
}

// Throttled mobile variant (1s updates).
// ruleid: typing-indicator-duplicate
export const MobileTypingIndicator = memo(function MobileTyping({ names }: MobileTypingIndicatorProps) {
  if (names.length === 0) return null;
  return (
    <div className="flex items-center gap-1 px-3 text-[11px] text-gray-500">
      <TypingDots size="sm" />
      {names[0]}
      {names.length > 1 ? ` +${names.length - 1}` : ''}
    </div>
  );
});

// ok: typing-indicator-duplicate
export default MobileTypingIndicator;
