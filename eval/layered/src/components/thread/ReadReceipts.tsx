'use client';

import { useEffect, useState } from 'react';
import { Kinds, UNIFIED_EVENTS, type RoomChannel } from '@/lib/realtime';

function bindReceipts(room: RoomChannel, onSeen: (userId: string) => void) {
  room
    // ok: event-name-custom, event-name-literal
    .on(UNIFIED_EVENTS.READ_RECEIPT, (p: { userId: string }) => onSeen(p.userId))
    // ruleid: event-name-custom
    .on(Kinds.SEEN, (p: { userId: string }) => onSeen(p.userId));
}

export function ReadReceipts({ room, userId }: { room: RoomChannel; userId: string }) {
  const [seenBy, setSeenBy] = useState<string[]>([]);

  useEffect(() => {
    bindReceipts(room, (id) => setSeenBy((s) => (s.includes(id) ? s : [...s, id])));
    // ruleid: event-name-custom
    void room.emit('read_receipt', { userId, at: Date.now() });
  }, [room, userId]);

  const react = (emoji: string) => {
    // ruleid: event-name-custom
    void room.emit(Kinds.REACTION_ADDED, { userId, emoji });
  };

  return (
    <footer>
      <small>Seen by {seenBy.length}</small>
      <button onClick={() => react('👍')}>👍</button>
      {/* ruleid: event-name-custom */}
      <button onClick={() => void room.emit('wave', { userId })}>👋</button>
    </footer>
  );
}
