/**
 * The desk's IndexedDB opened as early as the page can: the entry (main.tsx) is this
 * module and nothing else, and the app's own chunk is fetched and run after it. So the
 * browser opens a large store's files — a few hundred milliseconds at 200,000 persons —
 * while the app's script loads, instead of after its first render, when the session's
 * start first asks for the store. (The browser begins the open only once the page's main
 * thread has taken the answer to its first step; an open asked for in the same task as
 * the app's script waited ~85 ms for it.) The connection is plain IndexedDB (no Dexie:
 * its open waits for the whole script) and is let go once the session's own is open
 * (`releaseWarmStore`).
 *
 * It never makes or changes a store: on a PC with no desk store yet, the upgrade that
 * opening would start is aborted (the store stays unmade, for the first run to make at
 * its version); and a newer version's upgrade is never held up, as the connection closes
 * when one is asked for.
 */
import { defaultDatabaseName } from './databaseName';

let warm: IDBDatabase | null = null;
let released = false;

function warmUp(): void {
  if (typeof indexedDB === 'undefined') return;
  const request = indexedDB.open(defaultDatabaseName);
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onerror = (event) => event.preventDefault(); // the abort above, or no store at all
  request.onsuccess = () => {
    const db = request.result;
    if (released) {
      db.close();
      return;
    }
    db.onversionchange = () => db.close();
    warm = db;
    // Never held for long, whatever the session's start does.
    setTimeout(releaseWarmStore, holdAtMostMs);
  };
}

const holdAtMostMs = 10_000;

/** The session's store is open: the warm connection has done its work. */
export function releaseWarmStore(): void {
  released = true;
  warm?.close();
  warm = null;
}

warmUp();
