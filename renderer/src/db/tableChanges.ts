import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Committed changes to named tables, as Dexie tells them (`storagemutated`): this window's,
 * another window's and the sync worker's (through Dexie's broadcast). Dexie names a part a
 * transaction changed `idb://<database>/<table>/<index>`, or `all` — everything, when a
 * page comes back from the back-forward cache and may have missed any change meanwhile.
 * Each listener here is told which of its tables a change touched; `all` touches them all.
 */
export interface TableChanges {
  /** Stops listening. */
  stop(): void;
}

/** The part prefix Dexie gives every change to a table. */
export function tablePart(databaseName: string, table: string): string {
  return `idb://${databaseName}/${table}/`;
}

/** Whether the changed parts touch a table whose part prefix is `prefix`. */
function touches(parts: ObservabilitySet, prefix: string): boolean {
  for (const part of Object.keys(parts)) {
    if (part === 'all' || part.startsWith(prefix)) return true;
  }
  return false;
}

/**
 * Calls `changed(prefix)` once for each of `prefixes` (from tablePart) a committed change
 * touched. The prefixes are read at each change, so a caller may add to the list it gave.
 */
export function onTableChanges(
  prefixes: () => Iterable<string>,
  changed: (prefix: string) => void,
): TableChanges {
  const listener = (parts: ObservabilitySet) => {
    for (const prefix of prefixes()) if (touches(parts, prefix)) changed(prefix);
  };
  Dexie.on('storagemutated', listener);
  return { stop: () => Dexie.on('storagemutated').unsubscribe(listener) };
}
