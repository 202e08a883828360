/**
 * Topics of the v1 realtime protocol, still served for the mobile app and the presence bar.
 */
export type TopicConfig =
  | { kind: 'thread'; threadId: string }
  | { kind: 'typing'; threadId: string }
  | { kind: 'presence'; orgId: string };

export class Topics {
  static build(config: TopicConfig): string {
    switch (config.kind) {
      case 'thread':
        // ruleid: channel-hand-built, channel-invalid-name
        return `thread:${config.threadId}`;
      case 'typing':
        // ruleid: channel-hand-built, channel-invalid-name
        return `typing:${config.threadId}`;
      case 'presence':
        // ruleid: channel-hand-built, channel-invalid-name
        return `presence:${config.orgId}`;
    }
  }

  /** For log lines only. */
  static describe(config: TopicConfig): string {
    // ok: channel-hand-built, channel-invalid-name
    return `${config.kind}:${'threadId' in config ? config.threadId : config.orgId}`;
  }
}

export default Topics;
