'use client';

import { EventEmitter } from 'events';
import { useEffect, useState } from 'react';

// In-process event bus between the composer and the message list (not a realtime broadcast).
export const composerBus = new EventEmitter();

export function useComposerBus() {
  const [isTyping, setIsTyping] = useState(false);
  const [lastChunk, setLastChunk] = useState<string | null>(null);

  useEffect(() => {
    const onStart = () => setIsTyping(true);
    const onStop = () => setIsTyping(false);
    const onData = (chunk: string) => setLastChunk(chunk);

    // ok: event-name-custom, supabase-channel-direct, typing-stop-missing
    composerBus.on('typing_start', onStart);
    // ok: event-name-custom
    composerBus.on('typing_stop', onStop);
    // ok: event-name-custom, supabase-channel-direct
    composerBus.on('data', onData);

    return () => {
      composerBus.off('typing_start', onStart);
      composerBus.off('typing_stop', onStop);
      composerBus.off('data', onData);
    };
  }, []);

  const startTyping = () => {
    // ok: event-name-custom
    composerBus.emit('typing_start');
  };

  const stream = (chunk: string) => {
    // ok: event-name-custom
    composerBus.emit('data', chunk);
  };

  return { isTyping, lastChunk, startTyping, stream };
}

export function useWebSocketFeed(url: string) {
  const [messages, setMessages] = useState<unknown[]>([]);

  useEffect(() => {
    const ws = new WebSocket(url);
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      // ok: event-name-custom
      if (msg.event === 'new_message') setMessages((prev) => [...prev, msg.data]);
    };
    ws.onopen = () => {
      // ok: event-name-custom
      ws.send(JSON.stringify({ event: 'subscribe', topic: 'feed' }));
    };
    return () => ws.close();
  }, [url]);

  return messages;
}
