// Narrow entry point for the embeddable widget bundle (keeps the server layer out of it).
export { UNIFIED_CHANNELS, UNIFIED_EVENTS } from './unified-channel-standards';
export { default as Topics } from './topic-registry';
export * from './kinds';
