import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useSession } from '../state/session';
import { openConflictCount } from './conflicts';
import { DexieSyncStore } from './dexieSyncStore';
import { blockingRefusedCount } from './refusedChanges';
import { rejectedCount } from './rejectedOps';
import { loadLastSuccess, saveLastSuccess } from './syncMeta';
import { SyncScheduler } from './syncScheduler';
import {
  initialSyncStatus,
  useSyncStatus,
  type SyncControls,
  type SyncStatusValues,
} from './syncStatus';
import { createSyncTransport } from './transport';
import { SyncWorkerHost } from './worker/syncWorkerHost';
import { isDesktop } from '../platform/deskApi';
import type { DeskDatabase } from '../db/database';

/** What the hook drives: the sync worker, or (where no worker can run) the scheduler in the page. */
interface RunningSync {
  controls: SyncControls;
  localChange(): void;
  setOnline(online: boolean): void;
  stop(): Promise<void>;
}

/**
 * Runs sync for as long as the store is open: mounted by SyncRunner.tsx (App.tsx), so
 * logging out, locking or closing the window stops it cleanly. Sync runs in its own worker (worker/syncWorker.ts, issue #17 item 1), off the
 * page's main thread; where a worker cannot run (no Worker, or a store without a key to
 * hand it) the same scheduler runs in the page. Also feeds the status store with the
 * live counts of open conflicts, changes HQ refused and HQ changes this desk refused
 * (the queue's is QueueReport.tsx's); a growing queue is a local change.
 */
export function useSyncScheduler(): void {
  const db = useSession((s) => s.db);
  const running = useRef<RunningSync | null>(null);

  useEffect(() => {
    const status = useSyncStatus.getState();
    const sync = startSync(db, status.patch);
    running.current = sync;
    status.setControls(sync.controls);
    void loadLastSuccess(db).then((at) => {
      // A round may already have finished and set a newer time.
      if (at && !useSyncStatus.getState().lastSuccessAt) status.patch({ lastSuccessAt: at });
    });

    const online = () => sync.setOnline(true);
    const offline = () => sync.setOnline(false);
    const close = () => void sync.stop();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('pagehide', close);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('pagehide', close);
      void sync.stop();
      if (running.current === sync) running.current = null;
      // The next session's sync says what it finds: until then, starting (not this one's).
      useSyncStatus.getState().setControls(null);
      useSyncStatus.getState().patch({ state: initialSyncStatus.state });
    };
  }, [db]);

  // Counted by QueueReport.tsx (App's, from before sync starts): a growing queue is a
  // local change to send.
  const queued = useSyncStatus((s) => s.queued);
  const conflicts = useLiveQuery(() => openConflictCount(db), [db]);
  const rejected = useLiveQuery(() => rejectedCount(db), [db]);
  const refused = useLiveQuery(() => blockingRefusedCount(db), [db]);
  const previousQueued = useRef<number | undefined>(undefined);

  useEffect(() => {
    const previous = previousQueued.current;
    previousQueued.current = queued;
    if (previous !== undefined && queued > previous) running.current?.localChange();
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

/**
 * Sync in the worker; in the page where no worker can run, or when the worker fails to
 * load (a runtime that refuses it), from then on. The returned controls follow the switch.
 */
function startSync(
  db: DeskDatabase,
  report: (values: Partial<SyncStatusValues>) => void,
): RunningSync {
  let stopped = false;
  let current: RunningSync | null = null;
  const worker = SyncWorkerHost.start({
    db,
    pageTransport: isDesktop() ? createSyncTransport(db) : null,
    report,
    online: navigator.onLine,
    onUnavailable: () => {
      if (!stopped) current = inPage(db, report);
    },
  });
  current = worker ?? inPage(db, report);
  const now = () => current as RunningSync;
  return {
    controls: {
      syncNow: () => now().controls.syncNow(),
      reloadEnrollment: () => now().controls.reloadEnrollment(),
      noteHqTime: (hqTime) => now().controls.noteHqTime(hqTime),
    },
    localChange: () => now().localChange(),
    setOnline: (online) => now().setOnline(online),
    stop: () => {
      stopped = true;
      return now().stop();
    },
  };
}

/** The scheduler in the page itself. */
function inPage(
  db: DeskDatabase,
  report: (values: Partial<SyncStatusValues>) => void,
): RunningSync {
  const scheduler = new SyncScheduler({
    store: new DexieSyncStore(db),
    transport: createSyncTransport(db),
    report,
    saveLastSuccess: (at) => saveLastSuccess(db, at),
    isOnline: () => navigator.onLine,
  });
  void scheduler.start();
  return {
    controls: {
      syncNow: () => scheduler.syncNow(),
      reloadEnrollment: () => scheduler.reloadEnrollment(),
      noteHqTime: (hqTime) => scheduler.noteHqTime(hqTime),
    },
    localChange: () => scheduler.localChange(),
    setOnline: (online) => scheduler.setOnline(online),
    stop: () => scheduler.stop(),
  };
}
