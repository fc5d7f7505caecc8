/**
 * Rows sealed ahead of a large write with WebCrypto's native AES-256-GCM, for the restore
 * (docs/backup.md, "Restore at office size"). The middleware seals a row synchronously as
 * it is written (with @noble/ciphers: a transaction cannot await WebCrypto), which made
 * sealing the page's largest cost in a restore. A restore opens its whole file before its
 * one transaction anyway, so its rows are sealed there, natively and concurrently, into
 * exactly the stored form the middleware would write (same split, same binding, nonce |
 * ciphertext | tag), and the middleware passes those very objects through as they are.
 *
 * Only these objects pass: a WeakMap from the object to the keys it was sealed under. A
 * row sealed under other keys than the store's now is refused, never written.
 */
import type { AtRestKeys } from '@shared/atRest/cipher';
import { webCrypto } from '@shared/package/webCrypto';
import type { DeskDatabase } from '../database';
import { sealedTables } from './middleware';
import { bindingOf, lockedError, rowCodecOf, sealedField } from './rowCodec';
import { webCryptoSealKey } from './webCryptoSealKey';

const preSealed = new WeakMap<object, AtRestKeys>();

/** Rows sealed at once: enough to keep WebCrypto's threads busy, few promises at a time. */
const concurrent = 500;
const nonceBytes = 12;

/**
 * Whether the middleware writes `row` as it is: true for a row preSealRows made under
 * `keys`; a row it made under other keys throws (it would not open).
 */
export function isPreSealedFor(row: unknown, keys: AtRestKeys): boolean {
  if (typeof row !== 'object' || row === null) return false;
  const under = preSealed.get(row);
  if (under === undefined) return false;
  if (under !== keys) throw new Error('A row sealed ahead under another data key.');
  return true;
}

/** The rows of `table` in their stored form, sealed under the store's keys now. */
export async function preSealRows(
  db: DeskDatabase,
  table: string,
  rows: unknown[],
): Promise<unknown[]> {
  if (!db.atRest.sealing || !sealedTables.has(table)) return rows;
  const keys = db.atRest.keys;
  if (!keys) throw lockedError();
  const codec = rowCodecOf(db.core.table(table).schema);
  const key = await webCryptoSealKey(keys);
  const subtle = webCrypto().subtle;
  const out: unknown[] = new Array(rows.length);
  const sealOne = async (row: unknown, at: number) => {
    const parts = codec.split(row, keys);
    if (!parts) {
      out[at] = row;
      return;
    }
    const nonce = webCrypto().getRandomValues(new Uint8Array(nonceBytes));
    const encrypted = await subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: nonce,
        additionalData: utf8(bindingOf(table, parts.stored)),
      },
      key,
      utf8(JSON.stringify(parts.sealed)),
    );
    const sealed = new Uint8Array(nonceBytes + encrypted.byteLength);
    sealed.set(nonce, 0);
    sealed.set(new Uint8Array(encrypted), nonceBytes);
    parts.stored[sealedField] = sealed;
    preSealed.set(parts.stored, keys);
    out[at] = parts.stored;
  };
  for (let at = 0; at < rows.length; at += concurrent) {
    await Promise.all(rows.slice(at, at + concurrent).map((row, i) => sealOne(row, at + i)));
  }
  return out;
}

const encoder = new TextEncoder();
function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
