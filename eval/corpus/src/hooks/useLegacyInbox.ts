'use client';

// ruleid: hook-deprecated
import { useRealTimeMessaging } from '@/components/enhanced-messaging/useRealTimeMessaging';
// ruleid: hook-deprecated
import { useTypingIndicator } from '@/components/widget/features/AdvancedTypingIndicator';
// ok: hook-deprecated
import { useTypingPreview } from '@/lib/realtime/useTypingPreview';

/**
 * Compatibility wrapper used by the old inbox screens while they migrate to useRealtime.
 */
export function useLegacyInbox(organizationId: string, conversationId: string, userId: string, userName: string) {
  // ruleid: hook-deprecated
  const messaging = useRealTimeMessaging({ organizationId, conversationId, userId, enableTyping: true });
  // ruleid: hook-deprecated
  const typing = useTypingIndicator(conversationId, organizationId, userId, userName, 'agent');
  // ok: hook-deprecated
  const preview = useTypingPreview(conversationId);

  // Note: 'useTypingIndicator' is deprecated; see docs/realtime.md
  return { ...messaging, ...typing, typingUsers: preview };
}
