// Thread UI, imported by the dashboard pages.
export { ThreadView } from './ThreadView';
export { default as Composer } from './Composer';
export * from './ReadReceipts';
export { ThreadTypingIndicator as TypingLine } from './ThreadTypingIndicator';
