import { HeaderStatus } from '@/components/shell/HeaderStatus';
import ThreadPreview from '@/components/thread/ThreadPreview';

/** Public read-only link to a thread: no dashboard layout, no organization provider. */
export default async function SharedThreadPage({ params }: { params: { token: string } }) {
  const res = await fetch(`${process.env.API_URL}/share/${params.token}`, { cache: 'no-store' });
  const shared = (await res.json()) as { orgId: string; threadId: string };
  return (
    <>
      <HeaderStatus orgId={shared.orgId} />
      <ThreadPreview orgId={shared.orgId} threadId={shared.threadId} />
    </>
  );
}
