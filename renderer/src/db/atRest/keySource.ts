/**
 * Where a desk store's data key comes from when the store opens (issue #16 item 1).
 * The app sets one source at start: in Electron the main process's OS key store
 * (electron/atRest/dataKeyFile.ts), so the store is open before anyone logs in and sync
 * runs; in the web build none, so the store stays locked until a login unwraps the key
 * with that user's password (passwordWraps.ts). Node tests set a source that gives each
 * database name its own random key (test/node/setup.ts).
 */
export interface DataKeySourceRequest {
  /** The database's name: one desk store, one key. */
  databaseName: string;
}

/**
 * The raw data key, or null when this source cannot give one (the store stays locked).
 * A key given at once (not a promise) is installed as the store is made, so even a
 * schema upgrade runs with it; a promised one is awaited by loadDataKey before the store
 * is first used.
 */
export type DataKeySource = (
  request: DataKeySourceRequest,
) => Uint8Array | null | Promise<Uint8Array | null>;

let source: DataKeySource | null = null;

export function setDataKeySource(next: DataKeySource | null): void {
  source = next;
}

export function dataKeySource(): DataKeySource | null {
  return source;
}
