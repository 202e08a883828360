'use client';

import { useAgentNotifications } from '@/hooks/useAgentNotifications';

export function WidgetAgentStatus({ organizationId }: { organizationId: string }) {
  const { agentsOnline } = useAgentNotifications(organizationId);

  return (
    <div className="flex items-center gap-1 text-xs">
      <span className={agentsOnline > 0 ? 'h-2 w-2 rounded-full bg-green-500' : 'h-2 w-2 rounded-full bg-gray-300'} />
      {agentsOnline > 0 ? 'We typically reply in a few minutes' : 'We will reply by email'}
    </div>
  );
}
