import { onTableChanges, tablePart } from '../../db/tableChanges';

/**
 * Runs `check` after each committed change to the store's meta (where the web build keeps
 * its enrollment), from any tab or worker: one run at a time, and once more after it when
 * meta changed again meanwhile — meta is written by every save and every look at a
 * person, so changes come in bursts and most find nothing new.
 */
export function afterMetaChanges(databaseName: string, check: () => Promise<void>) {
  let stopped = false;
  let running = false;
  let again = false;
  const kick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await check().catch(() => undefined);
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  const changes = onTableChanges(
    () => [tablePart(databaseName, 'meta')],
    () => void kick(),
  );
  return {
    stop: () => {
      stopped = true;
      changes.stop();
    },
  };
}
