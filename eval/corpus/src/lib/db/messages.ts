import type { SupabaseClient } from '@supabase/supabase-js';

export interface DbMessage {
  id?: string;
  organization_id?: string;
  conversation_id: string;
  sender_type: 'agent' | 'visitor' | 'ai' | 'system';
  sender_id?: string | null;
  content: string;
  metadata?: Record<string, unknown>;
}

export async function insertMessage(supabase: SupabaseClient, orgId: string, message: Omit<DbMessage, 'organization_id'>) {
  return supabase
    .from('messages')
    // ok: message-missing-organization-id
    .insert({ ...message, organization_id: orgId })
    .select()
    .single();
}

export async function insertWelcomeMessages(supabase: SupabaseClient, orgId: string, conversationId: string) {
  return supabase.from('messages').insert([
    // ok: message-missing-organization-id
    { organization_id: orgId, conversation_id: conversationId, sender_type: 'ai', content: 'Hi there! 👋' },
    // ruleid: message-missing-organization-id
    { conversation_id: conversationId, sender_type: 'ai', content: 'How can we help you today?' },
  ]);
}

export async function upsertDraft(supabase: SupabaseClient, organization_id: string, conversationId: string, content: string) {
  return supabase.from('messages').upsert(
    // ok: message-missing-organization-id
    { id: `draft-${conversationId}`, organization_id, conversation_id: conversationId, sender_type: 'agent', content },
    // ok: message-missing-organization-id
    { onConflict: 'id' }
  );
}

export async function upsertImported(supabase: SupabaseClient, conversationId: string, externalId: string, content: string) {
  return supabase.from('messages').upsert(
    // ruleid: message-missing-organization-id
    { external_id: externalId, conversation_id: conversationId, sender_type: 'visitor', content },
    { onConflict: 'external_id', ignoreDuplicates: true }
  );
}

export async function copyMessage(supabase: SupabaseClient, source: DbMessage) {
  // ok: message-missing-organization-id
  return supabase.from('messages').insert({ ...source, id: undefined });
}

export async function createConversation(supabase: SupabaseClient, visitorId: string) {
  // ok: message-missing-organization-id
  return supabase.from('conversations').insert({ visitor_id: visitorId, status: 'open' }).select().single();
}

export async function logAttachment(supabase: SupabaseClient, messageId: string, url: string) {
  // ok: message-missing-organization-id
  return supabase.from('message_attachments').insert({ message_id: messageId, url });
}

export async function listMessages(supabase: SupabaseClient, conversationId: string) {
  return supabase.from('messages').select('*').eq('conversation_id', conversationId).order('created_at');
}
