import { useSyncScheduler } from './useSyncScheduler';

/**
 * Sync for as long as the desk may sync (App.tsx decides: someone logged in, or, in
 * Electron, a store the OS key store opened — before anyone logs in too). Its own chunk:
 * the login screen does not load the sync code to show itself. (The queue's count for
 * the desktop's quit guard is App's own, QueueReport.tsx: from before sync starts.)
 */
export default function SyncRunner(): null {
  useSyncScheduler();
  return null;
}
