// ok: typing-indicator-duplicate
export { TypingIndicator, default } from './TypingIndicator';
export type { TypingIndicatorProps, TypingIndicatorUser } from './TypingIndicator';
