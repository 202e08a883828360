import { createRouteClient } from '@/lib/supabase/server';

export interface Session {
  userId: string;
  orgId: string;
}

export async function getSession(): Promise<Session> {
  const supabase = createRouteClient();
  const { data } = await supabase.auth.getUser();
  const orgId = (data.user?.app_metadata?.org_id as string | undefined) ?? '';
  return { userId: data.user?.id ?? '', orgId };
}
