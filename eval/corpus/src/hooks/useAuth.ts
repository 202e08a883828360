'use client';

import { useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import { supabase } from '@/lib/supabase/client';

export interface AuthState {
  user: User | null;
  organizationId: string | null;
  loading: boolean;
}

export function useAuth(): AuthState {
  const [state, setState] = useState<AuthState>({ user: null, organizationId: null, loading: true });

  useEffect(() => {
    let cancelled = false;

    supabase.auth.getUser().then(({ data }) => {
      if (cancelled) return;
      setState({
        user: data.user,
        organizationId: (data.user?.app_metadata?.organization_id as string | undefined) ?? null,
        loading: false,
      });
    });

    // ok: supabase-channel-direct
    const { data: listener } = supabase.auth.onAuthStateChange((event, session) => {
      // ok: event-name-custom
      if (event === 'SIGNED_OUT') {
        setState({ user: null, organizationId: null, loading: false });
      } else if (session?.user) {
        setState({
          user: session.user,
          organizationId: (session.user.app_metadata?.organization_id as string | undefined) ?? null,
          loading: false,
        });
      }
    });

    return () => {
      cancelled = true;
      listener.subscription.unsubscribe();
    };
  }, []);

  return state;
}
