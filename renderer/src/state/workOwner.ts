import { AppError } from '@shared/errors/appError';
import { useSession } from './session';

/**
 * Whose work this is: the person logged in when they began it (a list export, a payment
 * roll's sheet, a paper saved as PDF, a backup, a sync package, an import's check report).
 * An Electron desk's store stays open after a logout (its key is the OS key store's, for
 * sync), so such work went on after its person left, and its file — full ID numbers,
 * bank accounts — was offered in a save dialog at the login screen, over the lock screen,
 * or in the next person's session.
 *
 * - `check()`, as the work goes (a list export at each page): another person, or nobody,
 *   at the desk → it stops (`session_ended`). The idle lock (锁屏) does not stop it.
 * - `handOut()`, before the file is offered (and before a list export's access log):
 *   waits while the desk is locked by its idle lock, and goes on only once the same
 *   person has unlocked it; logged out meanwhile → the same error, and no file.
 */
export interface WorkOwner {
  check(): void;
  handOut(): Promise<void>;
  /**
   * An output's access log written only while its person is here, and the output let go
   * only if they still are once the write is done (a lock or a logout while it waited):
   * handOut, the log, handOut again.
   */
  loggedHandOut(log: () => Promise<unknown>): Promise<void>;
}

export function sessionEndedError(): AppError {
  return new AppError({
    code: 'unauthenticated',
    message: 'The person who began this logged out before it was done: no file.',
    details: { reason: 'session_ended' },
  });
}

/**
 * The work of `userId` begun in the session `sessionSeq` (the one now, by default): a
 * logout ends it, and logging in again starts another — a backup begun before a logout
 * is not offered at the next login, minutes later, from a screen long gone.
 */
export function workOwner(
  userId: string | null,
  sessionSeq = useSession.getState().sessionSeq,
): WorkOwner {
  const theirs = () => {
    const { user, phase, sessionSeq: now } = useSession.getState();
    const gone =
      userId === null ||
      user?.id !== userId ||
      now !== sessionSeq ||
      (phase !== 'ready' && phase !== 'locked');
    if (gone) return 'gone';
    return phase === 'ready' ? 'here' : 'locked';
  };
  const check = () => {
    if (theirs() === 'gone') throw sessionEndedError();
  };
  const handOut = () =>
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
    });
  return {
    check,
    handOut,
    loggedHandOut: async (log) => {
      await handOut();
      await log();
      await handOut();
    },
  };
}

/** The work of whoever is logged in now (called as they begin it: a click). */
export function currentWorkOwner(): WorkOwner {
  const { user, sessionSeq } = useSession.getState();
  return workOwner(user?.id ?? null, sessionSeq);
}
