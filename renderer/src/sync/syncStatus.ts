import { create } from 'zustand';
import type { AppErrorData } from '@shared/errors/appError';

/**
 * What the status bar shows about sync. Written by the scheduler (state, last
 * success, clock) and by useSyncScheduler's live counts (queue, conflicts, refusals
 * both ways);
 * read by the UI. Errors are kept as data and worded by the UI in the current language.
 */
export type SyncState =
  /** Before sync has said anything (a moment after a start or a login). */
  | { kind: 'starting' }
  | { kind: 'not_enrolled' }
  | { kind: 'idle' }
  | { kind: 'syncing'; phase: 'pushing' | 'pulling'; done: number; total: number }
  /** HQ cannot be reached; local work is kept and sent later. */
  | { kind: 'offline' }
  /** Another tab or window of this desk's store is syncing; this one waits its turn. */
  | { kind: 'otherTab' }
  | { kind: 'error'; error: AppErrorData };

/** What the UI may ask of the running scheduler; no-ops while none runs. */
export interface SyncControls {
  syncNow: () => void;
  /** After enrolling: read the enrollment again and start syncing. */
  reloadEnrollment: () => Promise<void>;
  /** An HQ clock seen outside a round (enrollment), for the clock warning. */
  noteHqTime: (hqTime: string) => void;
}

export interface SyncStatusValues {
  state: SyncState;
  hqUrl: string | null;
  queued: number;
  openConflicts: number;
  rejected: number;
  /** Changes from HQ the desk refused that still stop receiving (refusedChanges.ts). */
  refusedChanges: number;
  lastSuccessAt: string | null;
  /** Device clock minus HQ's in ms, set only when beyond maxClockSkewMs. */
  clockSkewMs: number | null;
}

interface SyncStatusStore extends SyncStatusValues {
  controls: SyncControls;
  patch: (values: Partial<SyncStatusValues>) => void;
  setControls: (controls: SyncControls | null) => void;
}

export const idleControls: SyncControls = {
  syncNow: () => undefined,
  reloadEnrollment: () => Promise.resolve(),
  noteHqTime: () => undefined,
};

/** Whether sync has said the desk is enrolled (not while it is still starting). */
export function isEnrolled(state: SyncState): boolean {
  return state.kind !== 'not_enrolled' && state.kind !== 'starting';
}

export const initialSyncStatus: SyncStatusValues = {
  state: { kind: 'starting' },
  hqUrl: null,
  queued: 0,
  openConflicts: 0,
  rejected: 0,
  refusedChanges: 0,
  lastSuccessAt: null,
  clockSkewMs: null,
};

export const useSyncStatus = create<SyncStatusStore>((set) => ({
  ...initialSyncStatus,
  controls: idleControls,
  patch: (values) => set(values),
  setControls: (controls) => set({ controls: controls ?? idleControls }),
}));

/** Whether a scheduler is running: its controls are set (not before sync starts, nor after). */
export function isRunning(controls: SyncControls): boolean {
  return controls !== idleControls;
}
