/**
 * How far the store's one-time sealing has gone (sealInPlace.ts: a desk from before
 * encryption sealed, or its persons sealed again in a newer form). It runs while a
 * login or the OS key store opens the store — minutes at 200,000 persons — so the
 * screen shows it (ui/StoreWorkProgress.tsx) instead of a login that seems to hang.
 * Null when nothing runs.
 */
export interface SealProgress {
  /**
   * 'seal': rows written before encryption; 'reseal': sealed rows in today's form;
   * 'elsewhere': another tab of the desk, or this tab's sync worker, runs it; this one
   * waits (no counts here).
   */
  kind: 'seal' | 'reseal' | 'elsewhere';
  done: number;
  total: number;
}

type Listener = () => void;

let current: SealProgress | null = null;
const listeners = new Set<Listener>();

export function sealProgress(): SealProgress | null {
  return current;
}

/** Calls `listener` at each change; returns the unsubscribe (useSyncExternalStore's shape). */
export function onSealProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSealProgress(progress: SealProgress | null): void {
  current = progress;
  for (const listener of listeners) listener();
}
