import { AppError } from '@shared/errors/appError';
import { onTableChanges, tablePart } from '../../tableChanges';

/** How many times a list is read again when it changed under the reading. */
export const steadyReadAttempts = 3;

/**
 * How long after a read the changes of other windows and of the sync worker are waited
 * for: Dexie tells them through a BroadcastChannel after their commit, so a change
 * committed while the last page was read can arrive just after it.
 */
const broadcastSettleMs = 100;

/**
 * Reads a list page by page, again from the start if any of its tables changed meanwhile
 * (a save in another window, a pull applied by the sync worker). A list is read as pages
 * in separate transactions, each from the last row of the one before: a row whose sort
 * key changed during the reading could be written twice (moved ahead of the reading) or
 * not at all (moved behind it). A reading with no change to its tables from start to end
 * is the list as it was, each row once (a joined table's cells — a person's household —
 * are not watched, and may be read before or after a change). A reading stops at the
 * first page after a change, not at its end. After `steadyReadAttempts` readings that
 * each saw a change (a long pull under way), it gives up with a `conflict` the export
 * says in words; nothing is written.
 *
 * The wait after a reading (`broadcastSettleMs`) is a judgement, not a guarantee: the
 * sync worker tells its commit when its own completion event runs, which other work in
 * the worker can hold up, so a change committed just before a reading ends can be told
 * too late to be seen.
 */
export async function readSteadily<T>(
  databaseName: string,
  tables: readonly string[],
  /** One reading; it may stop early, giving null, once `stale()` says a table changed. */
  read: (attempt: number, stale: () => boolean) => Promise<T | null>,
  settleMs = broadcastSettleMs,
): Promise<T> {
  for (let attempt = 1; attempt <= steadyReadAttempts; attempt++) {
    const watch = watchTables(databaseName, tables);
    try {
      const result = await read(attempt, watch.changed);
      if (result === null) continue;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      if (!watch.changed()) return result;
    } finally {
      watch.stop();
    }
  }
  throw new AppError({
    code: 'conflict',
    message: `The list changed while it was read, ${steadyReadAttempts} times: ${tables.join(', ')}.`,
    details: { reason: 'list_kept_changing', tables: tables.join(',') },
  });
}

/** Whether a committed change touched any of these tables since the watch began. */
function watchTables(databaseName: string, tables: readonly string[]) {
  const prefixes = tables.map((table) => tablePart(databaseName, table));
  let changed = false;
  const changes = onTableChanges(
    () => prefixes,
    () => {
      changed = true;
    },
  );
  return { changed: () => changed, stop: () => changes.stop() };
}
