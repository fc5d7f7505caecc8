import { useQueueReport } from './useQueueReport';
import { useSyncScheduler } from './useSyncScheduler';
import { useSyncStatus } from './syncStatus';

/**
 * Sync for as long as the desk may sync (App.tsx decides: someone logged in, or, in
 * Electron, a store the OS key store opened — before anyone logs in too), and the
 * queue's count reported to the platform (the desktop's quit guard) meanwhile. Its own
 * chunk: the login screen does not load the sync code to show itself.
 */
export default function SyncRunner(): null {
  useSyncScheduler();
  useQueueReport(useSyncStatus((s) => s.queued));
  return null;
}
