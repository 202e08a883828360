import { create } from 'zustand';

interface WidgetState {
  open: boolean;
  unread: number;
  setOpen: (open: boolean) => void;
  bump: () => void;
}

export const useWidgetStore = create<WidgetState>((set) => ({
  open: false,
  unread: 0,
  setOpen: (open) => set((s) => ({ open, unread: open ? 0 : s.unread })),
  bump: () => set((s) => ({ unread: s.unread + 1 })),
}));
