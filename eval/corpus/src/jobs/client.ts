import { EventSchemas, Inngest } from 'inngest';

type Events = {
  'conversations/message.created': { data: { messageId: string; organizationId: string; conversationId: string } };
  'conversations/assigned': { data: { conversationId: string; agentId: string; organizationId: string } };
  'ai/handover.requested': { data: { conversationId: string; organizationId: string; reason: string } };
  'conversations/closed': { data: { conversationId: string; organizationId: string } };
};

export const inngest = new Inngest({ id: 'helpdesk', schemas: new EventSchemas().fromRecord<Events>() });
