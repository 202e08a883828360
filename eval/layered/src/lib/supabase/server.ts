import { cookies } from 'next/headers';
import { createServerClient } from '@supabase/ssr';
import { createClient as createServiceClient, type SupabaseClient } from '@supabase/supabase-js';

export function createRouteClient(): SupabaseClient {
  const store = cookies();
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: {
      get: (name: string) => store.get(name)?.value,
    },
  }) as unknown as SupabaseClient;
}

let admin: SupabaseClient | null = null;

/** Service-role client: server only, bypasses RLS. */
export function getSupabaseAdmin(): SupabaseClient {
  admin ??= createServiceClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false },
  });
  return admin;
}
