import { NextResponse, type NextRequest } from 'next/server';
import pingUser from '@/lib/realtime/server/notify-user';
import { notifyOrg } from '@/lib/realtime/server';
import { UNIFIED_EVENTS } from '@/lib/realtime/unified-channel-standards';

type AgentStatus = 'online' | 'away' | 'busy';

export async function POST(req: NextRequest) {
  const { orgId, agentId, status, supervisorId } = (await req.json()) as {
    orgId: string;
    agentId: string;
    status: AgentStatus;
    supervisorId?: string;
  };

  if (status === 'away') {
    // ok: event-name-custom, event-name-literal
    await notifyOrg(orgId, UNIFIED_EVENTS.AGENT_STATUS_AWAY, { agentId });
  } else if (status === 'busy') {
    // ruleid: event-name-literal
    await notifyOrg(orgId, 'agent:status:busy', { agentId });
  } else {
    // ruleid: event-name-custom
    await notifyOrg(orgId, 'agent_status', { agentId, status });
  }

  if (supervisorId) {
    // ruleid: event-name-custom
    await pingUser(orgId, supervisorId, 'agent_status_changed', { agentId, status });
  }

  return NextResponse.json({ ok: true });
}
