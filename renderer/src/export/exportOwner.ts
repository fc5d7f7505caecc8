import { AppError } from '@shared/errors/appError';
import { useSession } from '../state/session';

/**
 * Whose export this is: the person logged in when it began. An Electron desk's store
 * stays open after a logout (its key is the OS key store's, for sync), so an export
 * would read on and then offer its file — full ID numbers, where that person may export
 * them — in a save dialog at the login screen or in the next person's session.
 *
 * - `check()`, at each page read: another person, or nobody, at the desk → the export
 *   stops (`export_session_ended`). The idle lock (锁屏) does not stop the reading.
 * - `handOut()`, before the access log and the file: waits while the desk is locked by
 *   its idle lock (the file is not offered over the lock screen), and goes on only once
 *   the same person has unlocked it; logged out meanwhile → the same error, no file, no
 *   log entry.
 */
export interface ExportOwner {
  check(): void;
  handOut(): Promise<void>;
}

export function sessionEndedError(): AppError {
  return new AppError({
    code: 'unauthenticated',
    message: 'The person who began this export logged out before it was done: no file.',
    details: { reason: 'export_session_ended' },
  });
}

export function exportOwner(userId: string | null): ExportOwner {
  const theirs = () => {
    const { user, phase } = useSession.getState();
    if (userId === null || user?.id !== userId || (phase !== 'ready' && phase !== 'locked')) {
      return 'gone';
    }
    return phase === 'ready' ? 'here' : 'locked';
  };
  const check = () => {
    if (theirs() === 'gone') throw sessionEndedError();
  };
  return {
    check,
    handOut: () =>
      new Promise<void>((resolve, reject) => {
        const settle = () => {
          const now = theirs();
          if (now === 'locked') return false;
          stop();
          if (now === 'here') resolve();
          else reject(sessionEndedError());
          return true;
        };
        const stop = useSession.subscribe(() => void settle());
        settle();
      }),
  };
}
