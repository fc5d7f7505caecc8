import { openJson, type AtRestKeys } from '@shared/atRest/cipher';
import { bindingOf } from '../../../renderer/src/db/atRest/rowCodec';

/**
 * The package export's baseline (issue #17 item 5): the same queue read and gzipped with
 * nothing of ours. One native `getAll` of the whole `queue` store (seq order, as the
 * export reads it), one `JSON.stringify` of the same document the export writes
 * (`{"ops":[…]}`: payloadChunks.ts yields exactly those bytes), `TextEncoder`, and the
 * same gzip the export uses in Chromium (the native CompressionStream). No paging, no
 * manifest, no encryption or signature: what reading and compressing the bytes costs.
 * The queue's rows are sealed at rest (docs/at-rest.md), so each is opened with the
 * store's key first — the least any reader of this queue must do.
 */
export async function bareExport(idb: IDBDatabase, keys: AtRestKeys) {
  const t0 = performance.now();
  const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const request = idb.transaction('queue', 'readonly').objectStore('queue').getAll();
    request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    request.onerror = () => reject(request.error ?? new Error('reading the queue failed'));
  });
  const ops = rows.map(({ _sealed, ...clear }) =>
    _sealed instanceof Uint8Array
      ? Object.assign(
          clear,
          openJson(keys, _sealed, bindingOf('queue', clear)) as Record<string, unknown>,
        )
      : clear,
  );
  const bytes = new TextEncoder().encode(JSON.stringify({ ops }));
  const gzipped = await new Response(
    new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')),
  ).arrayBuffer();
  return {
    ms: Math.round(performance.now() - t0),
    ops: ops.length,
    jsonBytes: bytes.length,
    gzipBytes: gzipped.byteLength,
  };
}
