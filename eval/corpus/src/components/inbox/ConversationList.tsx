'use client';

import { useEffect, useState } from 'react';
import { createClient } from '@/lib/supabase/client';

interface ConversationRow {
  id: string;
  subject: string | null;
  status: 'open' | 'pending' | 'closed';
  updated_at: string;
}

export function ConversationList({ organizationId, onSelect }: { organizationId: string; onSelect: (id: string) => void }) {
  const supabase = createClient();
  const [rows, setRows] = useState<ConversationRow[]>([]);
  const [polling, setPolling] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;

    const refresh = async () => {
      const { data } = await supabase
        .from('conversations')
        .select('id, subject, status, updated_at')
        .eq('organization_id', organizationId)
        .order('updated_at', { ascending: false })
        .limit(50);
      if (data) setRows(data);
    };
    void refresh();

    const channel = supabase
      // ruleid: supabase-channel-direct, channel-hand-built, channel-invalid-name
      .channel('conversations-changes')
      // ok: supabase-channel-direct
      .on(
        'postgres_changes',
        // ok: event-name-custom
        { event: '*', schema: 'public', table: 'conversations', filter: `organization_id=eq.${organizationId}` },
        () => void refresh()
      )
      // ok: channel-error-unhandled
      .subscribe((status) => {
        if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
          setPolling(true);
          timer = setInterval(refresh, 15_000);
        }
      });

    return () => {
      if (timer) clearInterval(timer);
      // ok: supabase-channel-direct
      supabase.removeChannel(channel);
    };
  }, [supabase, organizationId]);

  return (
    <ul className="divide-y">
      {polling && <li className="px-3 py-1 text-xs text-amber-600">Live updates paused, refreshing every 15s</li>}
      {rows.map((row) => (
        <li key={row.id}>
          <button type="button" onClick={() => onSelect(row.id)} className="w-full px-3 py-2 text-left">
            {row.subject ?? 'No subject'} <span className="text-xs text-gray-400">{row.status}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
