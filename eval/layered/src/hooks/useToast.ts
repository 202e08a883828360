'use client';

import { useCallback, useSyncExternalStore } from 'react';

type Toast = { id: number; message: string };

let toasts: Toast[] = [];
const listeners = new Set<() => void>();

function emitChange() {
  listeners.forEach((l) => l());
}

/** App-wide toasts. `broadcast` shows a toast in every mounted <Toaster />; nothing leaves the tab. */
export function useToast() {
  const list = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => toasts
  );

  const broadcast = useCallback((message: string) => {
    toasts = [...toasts, { id: Date.now(), message }];
    emitChange();
  }, []);

  return { toasts: list, broadcast };
}

type BusHandler = (payload: unknown) => void;
const bus = new Map<string, Set<BusHandler>>();

/** In-tab pub/sub between sibling components (composer -> header). */
export function useEventBus() {
  const subscribe = useCallback((name: string, handler: BusHandler) => {
    const set = bus.get(name) ?? new Set<BusHandler>();
    set.add(handler);
    bus.set(name, set);
    return () => set.delete(handler);
  }, []);
  const publish = useCallback((name: string, payload?: unknown) => bus.get(name)?.forEach((h) => h(payload)), []);
  return { subscribe, publish };
}
