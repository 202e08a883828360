'use client';

import { useAuth } from '@/hooks/useAuth';
import { useLegacyInbox } from '@/hooks/useLegacyInbox';
import { LegacyComposer } from '@/components/inbox/LegacyComposer';

export default function LegacyInboxPage({ searchParams }: { searchParams: { c?: string } }) {
  const { user, organizationId } = useAuth();
  const inbox = useLegacyInbox(organizationId ?? '', searchParams.c ?? '', user?.id ?? '', user?.email ?? 'Agent');

  return (
    <div className="p-6">
      <p className="text-sm text-gray-500">{inbox.isConnected ? 'connected' : 'offline'}</p>
      <ul>
        {inbox.messages.map((m) => (
          <li key={m.id}>{m.content}</li>
        ))}
      </ul>
      <LegacyComposer organizationId={organizationId ?? ''} conversationId={searchParams.c ?? ''} userId={user?.id ?? ''} />
      {inbox.typingUsers.length > 0 && <p className="text-xs">{inbox.typingUsers[0].userName} is typing…</p>}
    </div>
  );
}
