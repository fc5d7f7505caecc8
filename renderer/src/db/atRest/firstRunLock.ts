/**
 * A new desk's first run (the web build) holds the store's new key only in its tab's
 * memory until the first administrator's password wraps it. A second tab of the desk
 * opened meanwhile took the store for one whose first run was abandoned (a key row, no
 * account): it dropped the first tab's key and made its own, and the first tab then
 * sealed the administrator under a key the store no longer named — the new desk could
 * not be opened. So the tab that makes a new desk's key holds a Web Lock until its first
 * run is done, or until it closes (the browser then lets go); another tab waits for it
 * and then opens the desk as it was left. Where Web Locks are missing (Node, the tests'
 * fake IndexedDB) there is one tab, and nothing to wait for.
 */
import { webLocks } from './webLocks';

const lockName = (databaseName: string) => `minzheng-desk-first-run:${databaseName}`;

let release: (() => void) | null = null;

/**
 * Takes this tab's hold on the desk's first run: true when this tab holds it (or there
 * is nothing to hold), false when another tab of the desk is making its first run.
 */
export async function holdFirstRun(databaseName: string): Promise<boolean> {
  const manager = webLocks();
  if (!manager || release) return true;
  return new Promise<boolean>((resolve, reject) => {
    manager
      .request(lockName(databaseName), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return new Promise<void>((done) => {
          release = () => {
            release = null;
            done();
          };
        });
      })
      .catch(reject);
  });
}

/** Waits until no tab holds the desk's first run (done there, or that tab closed). */
export async function firstRunElsewhereEnded(databaseName: string): Promise<void> {
  await webLocks()?.request(lockName(databaseName), () => undefined);
}

/** This tab's first run is done (the desk has its administrator): other tabs go on. */
export function releaseFirstRun(): void {
  release?.();
}
