import type { SupabaseClient } from '@supabase/supabase-js';
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

export interface NotificationInput {
  organizationId: string;
  userId: string;
  title: string;
  body?: string;
}

export class NotificationService {
  constructor(private readonly supabase: SupabaseClient) {}

  // Near miss of UNIFIED_CHANNELS.userNotifications: singular "notification"
  private userChannel(orgId: string, userId: string) {
    // ruleid: channel-hand-built, channel-invalid-name
    return `org:${orgId}:user:${userId}:notification`;
  }

  async notifyUser(input: NotificationInput) {
    const { data, error } = await this.supabase
      .from('notifications')
      .insert({ organization_id: input.organizationId, user_id: input.userId, title: input.title, body: input.body })
      .select()
      .single();
    if (error) throw error;

    // ruleid: channel-hand-built, channel-invalid-name
    await this.supabase.channel(this.userChannel(input.organizationId, input.userId)).send({
      type: 'broadcast',
      event: UNIFIED_EVENTS.NOTIFICATION_CREATED,
      payload: data,
    });
    return data;
  }

  async notifyOrganization(orgId: string, title: string) {
    // ok: channel-hand-built, channel-invalid-name
    const channel = this.supabase.channel(UNIFIED_CHANNELS.notifications(orgId));
    await channel.send({
      type: 'broadcast',
      // ruleid: event-name-custom, event-never-heard
      event: 'org_notification',
      payload: { title },
    });
  }

  async dismiss(orgId: string, userId: string, notificationId: string) {
    await this.supabase.from('notifications').update({ dismissed_at: new Date().toISOString() }).eq('id', notificationId);
    // ok: channel-hand-built, channel-invalid-name
    await this.supabase.channel(UNIFIED_CHANNELS.userNotifications(orgId, userId)).send({
      type: 'broadcast',
      // ruleid: event-name-literal, event-never-heard
      event: 'notification:dismissed',
      payload: { notificationId },
    });
  }
}
