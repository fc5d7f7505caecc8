import { describe, expect, it, vi } from 'vitest';
import { defaultDatabaseName } from '../../../renderer/src/db/databaseName';

/**
 * The store opened early as the page's script starts (renderer/src/db/warmStore.ts): on
 * fake-indexeddb, as the module's import does it. It must never make a store (a PC with
 * no desk yet keeps none until its first run makes one at its version), never hold up a
 * newer version's upgrade.
 */
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

const openAt = (version?: number) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(defaultDatabaseName, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('meta'))
        request.result.createObjectStore('meta');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onblocked = () => reject(new Error('blocked'));
  });

/**
 * Imports the module afresh (its warm-up runs at import): it must open the desk's store,
 * and its open is waited for (succeeded, or failed as an aborted new store's does).
 */
async function warmUp() {
  vi.resetModules();
  const open = vi.spyOn(indexedDB, 'open');
  try {
    const module = await import('../../../renderer/src/db/warmStore');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]).toEqual([defaultDatabaseName]);
    const request = open.mock.results[0]?.value as IDBOpenDBRequest;
    if (request.readyState !== 'done') {
      await new Promise((settled) => {
        request.addEventListener('success', settled);
        request.addEventListener('error', settled);
      });
    }
    // Its handlers (the close on versionchange) are set by now: they ran before ours.
    return module;
  } finally {
    open.mockRestore();
  }
}

async function deleteDesk() {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(defaultDatabaseName);
    request.onsuccess = request.onerror = resolve;
  });
}

describe('the store warmed up as the page starts', () => {
  it('makes no store on a PC that has none', async () => {
    await deleteDesk();
    const { releaseWarmStore } = await warmUp();
    expect(await databases()).not.toContain(defaultDatabaseName);
    releaseWarmStore();
  });

  it('holds up no upgrade: a newer version opens while it is held, and it closes', async () => {
    await deleteDesk();
    (await openAt(1)).close();
    const { releaseWarmStore } = await warmUp();
    // The session's open at a newer version (an app update): not blocked.
    const newer = await openAt(2);
    expect(newer.version).toBe(2);
    newer.close();
    releaseWarmStore();
    await deleteDesk();
  });
});
