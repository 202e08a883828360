'use client';

import { useEffect, useState } from 'react';
import { useOrganizationRealtimeContext } from '@/contexts/OrganizationRealtimeProvider';
import { StatsPanel } from '@/components/dashboard/StatsPanel';
import { DashboardTypingIndicator } from '@/components/dashboard/DashboardTypingIndicator';
import { useAuth } from '@/hooks/useAuth';

interface ActivityItem {
  id: string;
  text: string;
}

export default function DashboardPage() {
  const { organizationId } = useAuth();
  const [activity, setActivity] = useState<ActivityItem[]>([]);
  const [typingConversation, setTypingConversation] = useState<string | null>(null);
  // ok: provider-context-outside
  const { subscribe, connectionStatus } = useOrganizationRealtimeContext();

  useEffect(() => {
    // ruleid: typing-stop-missing
    const unsubscribe = subscribe({
      onNewMessage: (message) => setActivity((prev) => [{ id: message.id, text: message.content }, ...prev].slice(0, 20)),
      onTypingStart: (data) => setTypingConversation(data.conversationId),
    });
    return unsubscribe;
  }, [subscribe]);

  return (
    <div className="grid grid-cols-3 gap-6 p-6">
      <StatsPanel initialOpen={0} />
      <section className="col-span-2">
        <h2 className="mb-2 font-semibold">Live activity ({connectionStatus})</h2>
        <ul className="space-y-1 text-sm">
          {activity.map((a) => (
            <li key={a.id}>{a.text}</li>
          ))}
        </ul>
        {typingConversation && organizationId && (
          <DashboardTypingIndicator organizationId={organizationId} conversationId={typingConversation} />
        )}
      </section>
    </div>
  );
}
