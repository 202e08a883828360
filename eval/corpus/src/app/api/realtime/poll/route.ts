import { NextResponse, type NextRequest } from 'next/server';
import { createSupabaseServerClient } from '@/lib/supabase/server';
import { extractOrgId, extractResourceId, extractResourceType, isValidChannelName } from '@/lib/realtime';
import { CHANNEL_PREFIX } from '@/lib/constants/channels';

// Fallback endpoint polled by clients whose realtime channel hit CHANNEL_ERROR.
export async function GET(request: NextRequest) {
  const channel = request.nextUrl.searchParams.get('channel') ?? '';
  if (!channel.startsWith(CHANNEL_PREFIX) || !isValidChannelName(channel)) {
    return NextResponse.json({ error: `invalid channel ${channel}` }, { status: 400 });
  }

  const orgId = extractOrgId(channel);
  const resource = extractResourceType(channel);
  const resourceId = extractResourceId(channel);
  const supabase = createSupabaseServerClient();

  if (resource === 'conv' && resourceId) {
    const { data } = await supabase
      .from('messages')
      .select('*')
      .eq('organization_id', orgId)
      .eq('conversation_id', resourceId)
      .gte('created_at', new Date(Date.now() - 30_000).toISOString());
    return NextResponse.json({ messages: data ?? [] });
  }

  // ok: channel-hand-built, channel-invalid-name
  const legacyChannel = `conversation:${resourceId}`;
  return NextResponse.json({ messages: [], hint: `no polling for ${legacyChannel}` });
}
