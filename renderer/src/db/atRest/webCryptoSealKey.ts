/**
 * The store's seal key as a WebCrypto AES-GCM key, imported once per key set: for the
 * rows sealed ahead of a restore (preSeal.ts) and the rows of a lone read opened after it
 * (openAsync.ts). A failed import is not kept, so the next use tries again.
 */
import type { AtRestKeys } from '@shared/atRest/cipher';
import { webCrypto, type CryptoKeyLike } from '@shared/package/webCrypto';

const imported = new WeakMap<AtRestKeys, Promise<CryptoKeyLike>>();

export function webCryptoSealKey(keys: AtRestKeys): Promise<CryptoKeyLike> {
  let key = imported.get(keys);
  if (!key) {
    key = webCrypto().subtle.importKey(
      'raw',
      new Uint8Array(keys.seal),
      { name: 'AES-GCM' },
      false,
      ['encrypt', 'decrypt'],
    );
    imported.set(keys, key);
    key.catch(() => imported.delete(keys));
  }
  return key;
}
