import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { queuedCount } from '../db/repositories/queue';
import { useSession } from '../state/session';
import { openConflictCount } from './conflicts';
import { DexieSyncStore } from './dexieSyncStore';
import { blockingRefusedCount } from './refusedChanges';
import { rejectedCount } from './rejectedOps';
import { loadLastSuccess, saveLastSuccess } from './syncMeta';
import { SyncScheduler } from './syncScheduler';
import { useSyncStatus } from './syncStatus';
import { createSyncTransport } from './transport';

/**
 * Runs sync for as long as someone is logged in: mounted by the always-visible
 * SyncStatusBar inside the app shell, so logging out (or closing the window) stops
 * the scheduler cleanly. Also feeds the status store with the live counts of queued
 * changes, open conflicts, changes HQ refused and HQ changes this desk refused; a
 * growing queue is a local change.
 */
export function useSyncScheduler(): void {
  const db = useSession((s) => s.db);
  const scheduler = useRef<SyncScheduler | null>(null);

  useEffect(() => {
    const status = useSyncStatus.getState();
    const running = new SyncScheduler({
      store: new DexieSyncStore(db),
      transport: createSyncTransport(db),
      report: status.patch,
      saveLastSuccess: (at) => saveLastSuccess(db, at),
      isOnline: () => navigator.onLine,
    });
    scheduler.current = running;
    status.setControls({
      syncNow: () => running.syncNow(),
      reloadEnrollment: () => running.reloadEnrollment(),
      noteHqTime: (hqTime) => running.noteHqTime(hqTime),
    });
    void loadLastSuccess(db).then((at) => {
      // A round may already have finished and set a newer time.
      if (at && !useSyncStatus.getState().lastSuccessAt) status.patch({ lastSuccessAt: at });
    });
    void running.start();

    const online = () => running.setOnline(true);
    const offline = () => running.setOnline(false);
    const close = () => void running.stop();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('pagehide', close);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('pagehide', close);
      void running.stop();
      if (scheduler.current === running) scheduler.current = null;
      useSyncStatus.getState().setControls(null);
    };
  }, [db]);

  const queued = useLiveQuery(() => queuedCount(db), [db]);
  const conflicts = useLiveQuery(() => openConflictCount(db), [db]);
  const rejected = useLiveQuery(() => rejectedCount(db), [db]);
  const refused = useLiveQuery(() => blockingRefusedCount(db), [db]);
  const previousQueued = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (queued === undefined) return;
    useSyncStatus.getState().patch({ queued });
    const previous = previousQueued.current;
    previousQueued.current = queued;
    if (previous !== undefined && queued > previous) scheduler.current?.localChange();
  }, [queued]);

  useEffect(() => {
    if (conflicts !== undefined) useSyncStatus.getState().patch({ openConflicts: conflicts });
  }, [conflicts]);

  useEffect(() => {
    if (rejected !== undefined) useSyncStatus.getState().patch({ rejected });
  }, [rejected]);

  useEffect(() => {
    if (refused !== undefined) useSyncStatus.getState().patch({ refusedChanges: refused });
  }, [refused]);
}
