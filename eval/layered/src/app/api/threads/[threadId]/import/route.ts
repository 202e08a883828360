import { NextResponse, type NextRequest } from 'next/server';
import { getSupabaseAdmin } from '@/lib/supabase/server';
import { notifyThread } from '@/lib/realtime/server';

interface ImportedLine {
  author: 'visitor' | 'agent';
  text: string;
}

/** Imports a transcript from the previous helpdesk. */
export async function POST(req: NextRequest, { params }: { params: { threadId: string } }) {
  const { orgId, lines, note } = (await req.json()) as { orgId: string; lines: ImportedLine[]; note?: string };
  const admin = getSupabaseAdmin();

  // ok: message-missing-organization-id
  await admin.from('messages').insert(lines.map((l) => ({ organization_id: orgId, conversation_id: params.threadId, sender_type: l.author, content: l.text })));

  await admin.from('messages').insert([
    // ok: message-missing-organization-id
    { organization_id: orgId, conversation_id: params.threadId, sender_type: 'system', content: 'Imported transcript' },
    // ruleid: message-missing-organization-id
    { conversation_id: params.threadId, sender_type: 'system', content: note ?? '' },
  ]);

  // ruleid: event-name-custom
  await notifyThread(orgId, params.threadId, 'transcript_imported', { count: lines.length });
  return NextResponse.json({ imported: lines.length });
}
