import { create } from 'zustand';

/**
 * One list export at a time on the desk (two buttons on one screen — persons and
 * households, residents and movements — each ran its own, and their messages lay over
 * each other). `running` is the export under way, whose button shows its progress while
 * the others wait; `shown` is the one whose message is on screen, so a new export's
 * message replaces the last one's instead of stacking on it.
 */
interface ExportTurn {
  running: string | null;
  shown: string | null;
  start(id: string): boolean;
  finish(id: string): void;
}

export const useExportTurn = create<ExportTurn>((set, get) => ({
  running: null,
  shown: null,
  start: (id) => {
    if (get().running !== null) return false;
    set({ running: id, shown: id });
    return true;
  },
  finish: (id) => {
    if (get().running === id) set({ running: null });
  },
}));
