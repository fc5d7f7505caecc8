import { useEffect } from 'react';
import { create } from 'zustand';
import { toAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { runDueBackup, type ScheduledOutcome } from '../../db/repositories/backup/scheduledBackup';
import { backupTarget } from '../../platform/backupTarget';
import { useSession, writeContext } from '../../state/session';

/** How often the desk looks whether a scheduled backup is due (and once at sign-in). */
export const backupCheckEveryMs = 5 * 60_000;

interface ScheduledBackupState {
  /** The last check's outcome ('remind': a browser desk whose backup is due). */
  last: ScheduledOutcome | null;
  /** Why the last scheduled backup failed (a folder gone, a full disk); null once one works. */
  error: AppErrorData | null;
  /** When the desk last looked (the status bar re-reads "overdue" then). */
  checkedAt: number;
  patch: (state: Partial<Omit<ScheduledBackupState, 'patch'>>) => void;
}

export const useScheduledBackup = create<ScheduledBackupState>((set) => ({
  last: null,
  error: null,
  checkedAt: 0,
  patch: (state) => set(state),
}));

/**
 * Makes the backup the supervisor's schedule asks for, without asking, while anyone is
 * signed in (the store is read through the signed-in session; a scheduled backup needs no
 * supervisor because its file opens only with the office recovery words). Mounted by the
 * status bar, so it runs while the app shell is up and stops at sign-out.
 */
export function useBackupScheduler(): void {
  const db = useSession((s) => s.db);
  useEffect(() => {
    let running = false;
    let stopped = false;
    const check = async () => {
      if (running || stopped) return;
      running = true;
      try {
        const last = await runDueBackup(db, writeContext(), backupTarget(), new Date());
        if (!stopped)
          useScheduledBackup.getState().patch({ last, error: null, checkedAt: Date.now() });
      } catch (error) {
        if (!stopped)
          useScheduledBackup
            .getState()
            .patch({ error: toAppErrorData(error), checkedAt: Date.now() });
      } finally {
        running = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), backupCheckEveryMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [db]);
}
