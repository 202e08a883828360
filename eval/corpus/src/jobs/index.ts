import { onMessageCreated } from './message-created';
import { onHandoverRequested } from './ai-handover';
import { onConversationClosed } from './conversation-closed';

export const functions = [onMessageCreated, onHandoverRequested, onConversationClosed];

export { inngest } from './client';
