'use client';

import { useRef } from 'react';
import { realtimeClient, UNIFIED_CHANNELS, UNIFIED_EVENTS } from '@/lib/realtime';

export function UploadButton({ orgId, threadId }: { orgId: string; threadId: string }) {
  const input = useRef<HTMLInputElement>(null);

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const form = new FormData();
    form.set('orgId', orgId);
    form.set('threadId', threadId);
    form.set('file', files[0]);
    const res = await fetch('/api/uploads', { method: 'POST', body: form });
    const meta = await res.json();

    // ok: channel-hand-built, channel-invalid-name
    // ruleid: event-name-custom, event-never-heard
    await realtimeClient.publish(UNIFIED_CHANNELS.conversation(orgId, threadId), 'file_attached', meta);
    // ruleid: channel-hand-built, channel-invalid-name, event-never-heard
    await realtimeClient.publish(`org:${orgId}:uploads`, UNIFIED_EVENTS.MESSAGE_UPDATED, meta);
  };

  return (
    <>
      <input ref={input} type="file" hidden onChange={(e) => void onFiles(e.target.files)} />
      <button onClick={() => input.current?.click()}>Attach</button>
    </>
  );
}
