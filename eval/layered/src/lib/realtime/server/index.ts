// Server half of the realtime layer: import from '@/lib/realtime/server' in routes and jobs.
export * from './emit';
export { notifyThread, notifyInbox, notifyOrg, notifyTyping, notifyTypingLegacy, notifyAssignment } from './notify';
export { notifyThread as notifyConversation, broadcastThread } from './notify';
export { default as notifyUser } from './notify-user';
export { threadEvents } from './thread-events';
export { sendEnvelope, sendEnvelopes, type Envelope } from './envelope';
