/**
 * The desk's IndexedDB opened as early as the entry's script can (the entry imports this
 * module first: only the chunks it shares with the rest — Dexie, zod, the ciphers, React's
 * core — evaluate before it), so that the browser opens a large store's files — a few
 * hundred milliseconds at 200,000 persons — while the page still evaluates react-dom,
 * MUI and the screens, instead of after its first render, when the session's start first
 * asks for the store. The connection is plain IndexedDB (no Dexie: its open waits for the whole
 * script) and is let go once the session's own is open (`releaseWarmStore`).
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
