/**
 * Sealed rows opened with WebCrypto's native AES-256-GCM, concurrently, for a read whose
 * transaction has nothing left to do once its rows are in (a list's page, a search: an
 * implicit read-only transaction of one request). The middleware opens a row with
 * @noble/ciphers as it is read — synchronous, so that the next request of a transaction
 * finds it still open — and that was about two thirds of a search's time at office size
 * (docs/performance.md, "Encryption at rest: what it costs"). Where no further request
 * of ours can follow, waiting for WebCrypto costs the transaction nothing.
 *
 * The read's transaction is kept open while the rows are opened (keepOpen: a cheap
 * request after another on the same store), so a write to the store waits for it as it
 * waited for the synchronous opening. Otherwise a write could commit between the read
 * and its answer, and Dexie's live-query cache, which learns of writes only for the
 * answers it holds, would keep serving the answer from before the write.
 *
 * Same checks, same answer as RowCodec.decode: a seal that does not open under the row's
 * binding is a tampered row.
 */
import type { DBCoreTransaction } from 'dexie';
import type { AtRestKeys } from '@shared/atRest/cipher';
import { webCrypto } from '@shared/package/webCrypto';
import { lockedError, tamperedRowError, type RowCodec } from './rowCodec';
import { webCryptoSealKey } from './webCryptoSealKey';

/** Fewer rows than this open as they are read: WebCrypto's round trips cost more. */
export const openAsyncFrom = 8;
const nonceBytes = 12;

/**
 * Whether rows read by a request in `trans` may be opened after it answers: a transaction
 * Dexie made for this one read (not one a caller opened, whose next request would find it
 * committed while WebCrypto worked).
 */
export function opensLater(trans: DBCoreTransaction): boolean {
  const idb = trans as unknown as { _explicit?: boolean; mode?: string };
  return idb._explicit !== true && idb.mode === 'readonly';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A row's first step (RowCodec.opening; `{ value }` for a row that is not sealed). */
export type OpeningStep = ReturnType<RowCodec['opening']>;

/**
 * The rows of these steps opened, in order, while `trans` (the read's) is kept open on
 * `table`. Called in the read's answer, while the transaction is still active.
 */
export async function openRowsAsync(
  table: string,
  steps: readonly OpeningStep[],
  keys: AtRestKeys | null,
  trans: DBCoreTransaction,
): Promise<unknown[]> {
  if (steps.every((step) => 'value' in step)) {
    return steps.map((step) => ('value' in step ? step.value : undefined));
  }
  if (!keys) throw lockedError(); // opening() refuses first; never a silent gap
  const release = keepOpen(trans, table);
  try {
    return await openAll(table, steps, keys);
  } finally {
    release();
  }
}

async function openAll(
  table: string,
  steps: readonly OpeningStep[],
  keys: AtRestKeys,
): Promise<unknown[]> {
  const key = await webCryptoSealKey(keys);
  const subtle = webCrypto().subtle;
  return Promise.all(
    steps.map(async (step) => {
      if ('value' in step) return step.value;
      let opened: Record<string, unknown>;
      try {
        const plain = await subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: step.seal.subarray(0, nonceBytes),
            additionalData: encoder.encode(step.binding),
          },
          key,
          // Read from IndexedDB: never a SharedArrayBuffer.
          step.seal.subarray(nonceBytes) as Uint8Array<ArrayBuffer>,
        );
        opened = JSON.parse(decoder.decode(plain)) as Record<string, unknown>;
      } catch {
        throw tamperedRowError(table);
      }
      return step.finish(opened);
    }),
  );
}

/**
 * Keeps `trans` active with one small request after another on `store` (a count of a
 * key no table uses) until released; the last one's answer then lets it commit.
 */
function keepOpen(trans: DBCoreTransaction, store: string): () => void {
  let open = true;
  const idb = trans as unknown as IDBTransaction;
  const ping = () => {
    if (!open) return;
    try {
      idb.objectStore(store).count(IDBKeyRange.only(pingKey)).onsuccess = ping;
    } catch {
      open = false; // finished or aborted: nothing left to hold
    }
  };
  ping();
  return () => {
    open = false;
  };
}

const pingKey = -Infinity;
