import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDatabase } from '../db/database';
import { queuedCount } from '../db/repositories/queue';
import { getDeskApi } from '../platform/deskApi';
import { useSyncStatus } from './syncStatus';

/**
 * The count of changes waiting for HQ, whenever it changes: for the status bar (待同步变更,
 * and the package screen's "nothing queued"), and for the platform — the desktop's main
 * process asks before quitting with any (electron/sync/quitGuard.ts).
 *
 * Mounted by App from the moment the desk may sync, not when sync starts: sync waits for
 * the page to be idle (up to two seconds after a start or a login), and a window closed
 * in that moment closed without asking although changes waited. A plain count of the
 * queue's rows: it needs no key. The count stays as last reported while nobody is
 * logged in (nothing syncs or saves then, so it does not change).
 */
export function QueueReport({ db }: { db: DeskDatabase }): null {
  // A failed count is said and skipped (the next change to the queue counts again):
  // thrown, it would take this part down for good and leave the last count standing.
  const queued = useLiveQuery(
    () =>
      queuedCount(db).catch((error: unknown) => {
        console.warn('[sync] could not count the queue', error);
        return undefined;
      }),
    [db],
  );
  useEffect(() => {
    if (queued === undefined) return; // not counted yet
    useSyncStatus.getState().patch({ queued });
    // A platform that cannot take it (an older preload) must not take the screens down.
    const failed = (error: unknown) => console.warn('[sync] could not report the queue', error);
    try {
      getDeskApi().reportSyncQueue({ queued }).catch(failed);
    } catch (error) {
      failed(error);
    }
  }, [queued]);
  return null;
}
