import { useEffect } from 'react';
import { getDeskApi } from '../platform/deskApi';

/**
 * Tells the platform how many changes wait for HQ whenever the count changes: the
 * desktop's main process asks before quitting with any (electron/sync/quitGuard.ts). The
 * count stays as last reported while nobody is logged in (nothing syncs or saves then,
 * so it does not change).
 */
export function useQueueReport(queued: number): void {
  useEffect(() => {
    // A platform that cannot take it (an older preload) must not take the screens down.
    const failed = (error: unknown) => console.warn('[sync] could not report the queue', error);
    try {
      getDeskApi().reportSyncQueue({ queued }).catch(failed);
    } catch (error) {
      failed(error);
    }
  }, [queued]);
}
