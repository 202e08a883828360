import { ThreadView } from '@/components/thread';
import { getSession } from '@/lib/session';

export default async function ThreadPage({ params }: { params: { threadId: string } }) {
  const session = await getSession();
  return <ThreadView orgId={session.orgId} threadId={params.threadId} userId={session.userId} />;
}
