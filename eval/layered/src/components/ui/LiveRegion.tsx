'use client';

import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';

/**
 * Screen-reader announcements (aria-live). `announce` and `push` here are about accessibility
 * and navigation, not realtime.
 */
class Announcer {
  private queue: string[] = [];

  constructor(private readonly region: HTMLElement) {}

  private announce(message: string) {
    this.queue.push(message);
    this.region.textContent = message;
  }

  typing(name: string) {
    // ok: event-name-custom
    this.announce('typing');
    this.announce(`${name} is typing`);
  }

  newMessage() {
    // ok: event-name-custom
    this.announce('message');
  }
}

export function LiveRegion({ typingName, unread }: { typingName?: string; unread: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();

  useEffect(() => {
    if (!ref.current) return;
    const announcer = new Announcer(ref.current);
    if (typingName) announcer.typing(typingName);
    if (unread > 0) announcer.newMessage();
  }, [typingName, unread]);

  return (
    <div ref={ref} aria-live="polite" onDoubleClick={() => router.push('/dashboard/inbox')} className="sr-only" />
  );
}
