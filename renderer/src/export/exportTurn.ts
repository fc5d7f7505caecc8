import { create } from 'zustand';
import type { AppErrorData } from '@shared/errors/appError';

export interface ExportProgress {
  done: number;
  total: number | undefined;
  /** Above 1: the list changed while it was read, and is read again. */
  reading: number;
}

/** How an export ended well: its words' key and the rows saved (worded when shown). */
export interface ExportDone {
  key:
    | 'listExport.doneNoNumbers'
    | 'listExport.doneFull'
    | 'listExport.doneMasked'
    | 'listExport.cancelled';
  rows: number;
}

/**
 * What an export last said: its progress while it runs, then its end — and who ran it
 * (`by`, a user's id): another person logged in after them is not shown it.
 */
export interface ExportState {
  by: string | null;
  progress: ExportProgress | null;
  done: ExportDone | null;
  error: AppErrorData | null;
}

const idle: ExportState = { by: null, progress: null, done: null, error: null };

/**
 * The desk's list exports, one at a time (two buttons on one screen — persons and
 * households, residents and movements — each ran its own, and their messages lay over
 * each other). Kept here, not in the button: an export goes on when its screen is left,
 * and the button drawn again on coming back shows it running, then its end. `running` is
 * the export under way, while the others' buttons wait; `shown` is the one whose message
 * is on screen, so a new export's message replaces the last one's.
 */
interface ExportTurn {
  running: string | null;
  shown: string | null;
  states: Record<string, ExportState>;
  start(id: string, by: string | null): boolean;
  report(id: string, state: Partial<ExportState>): void;
  finish(id: string): void;
}

export const useExportTurn = create<ExportTurn>((set, get) => ({
  running: null,
  shown: null,
  states: {},
  start: (id, by) => {
    if (get().running !== null) return false;
    const progress = { done: 0, total: undefined, reading: 1 };
    set((s) => ({
      running: id,
      shown: id,
      states: { ...s.states, [id]: { ...idle, by, progress } },
    }));
    return true;
  },
  report: (id, state) =>
    set((s) => ({ states: { ...s.states, [id]: { ...(s.states[id] ?? idle), ...state } } })),
  finish: (id) => {
    if (get().running !== id) return;
    set((s) => ({
      running: null,
      states: { ...s.states, [id]: { ...(s.states[id] ?? idle), progress: null } },
    }));
  },
}));

/** An export's state as last said (idle when it never ran). */
export function exportState(id: string): (turn: ExportTurn) => ExportState {
  return (turn) => turn.states[id] ?? idle;
}

/** Forgets an export's end once its message has closed. */
export function forgetExport(id: string): void {
  useExportTurn.getState().report(id, { done: null, error: null });
}
