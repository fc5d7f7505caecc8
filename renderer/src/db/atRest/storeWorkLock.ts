/**
 * The store's one-time work as a key opens it (storeKeys.ts `installDataKey`: a first
 * sealing, the persons sealed again in a newer form, the listed meta rows) runs in one
 * tab or worker of the desk at a time. Two tabs logging in at once on a store from before
 * encryption each sealed the same rows, and the second could read the first's half-done
 * sealing as a removed row: a false finding, its plain rows refused until the next open.
 * Now the second waits for the first (saying so, when the wait is long), then reads the
 * store as the first left it: sealed, nothing to do. A tab closed halfway lets go of the
 * lock, and the next carries the work on as after any run cut short.
 */
import { reportSealProgress } from './sealProgress';
import { webLocks } from './webLocks';

const lockName = (databaseName: string) => `minzheng-desk-store-work:${databaseName}`;

/** A wait shorter than this (another tab's open of a sealed store) shows nothing. */
const sayAfterMs = 1000;

/**
 * Runs `work` holding the store's turn. Web Locks are not re-entrant: `work` must never
 * come back here (installDataKey must not be called from within installHeld, nor wait on
 * an open whose `ready` calls it), or this tab waits on itself for good — and, holding
 * the turn, keeps every other tab waiting too. storeKeys.ts opens the store before it
 * takes the turn for that reason.
 */
export async function withStoreWorkLock<T>(
  databaseName: string,
  work: () => Promise<T>,
): Promise<T> {
  const manager = webLocks();
  if (!manager) return work();
  const name = lockName(databaseName);
  const now = await manager.request(name, { ifAvailable: true }, async (lock) =>
    lock ? { done: await work() } : null,
  );
  if (now) return now.done;
  // Another tab or worker holds it: its work shows there; here, that this one waits.
  let said = false;
  const say = setTimeout(() => {
    said = true;
    reportSealProgress({ kind: 'elsewhere', done: 0, total: 0 });
  }, sayAfterMs);
  const stopSaying = () => {
    clearTimeout(say);
    if (said) reportSealProgress(null);
    said = false;
  };
  try {
    return await manager.request(name, () => {
      stopSaying();
      return work();
    });
  } finally {
    stopSaying();
  }
}
