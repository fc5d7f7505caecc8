/**
 * The desk's at-rest cipher (issue #16 item 1): AES-256-GCM over the JSON of a row's
 * sensitive part, and HMAC-SHA256 keyed tokens for the indexes that must still find a
 * person by ID number.
 *
 * Why not WebCrypto here: IndexedDB commits a transaction as soon as control returns to
 * the event loop with no request pending, and WebCrypto's promises resolve there. A
 * field sealed or opened inside a Dexie transaction (every write path read, every query)
 * must therefore be synchronous. @noble/ciphers is an audited, dependency-free
 * implementation of the same AES-256-GCM, so a sealed field is standard GCM (12-byte
 * nonce, 16-byte tag) that WebCrypto opens too (test/node/atRest/cipher.test.ts proves
 * it). WebCrypto does the slow, rare work: wrapping the data key (renderer/src/db/atRest).
 */
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { webCrypto } from '../package/webCrypto';

/** What the token key also pins (an HMAC of it): the office recovery key's public half. */
export const recoveryKeyPinLabel = 'recovery key';

/** The data key's length: 256 bits. */
export const dataKeyBytes = 32;

/** Sub-keys of the data key: one seals, one makes index tokens, one proves the key. */
export interface AtRestKeys {
  /** Short id of the data key (a hash of it), kept with the wraps to name the key. */
  keyId: string;
  seal: Uint8Array;
  token: Uint8Array;
}

const salt = utf8ToBytes('minzheng desk at rest v1');

export function deriveAtRestKeys(dataKey: Uint8Array): AtRestKeys {
  if (dataKey.length !== dataKeyBytes) throw new Error('A data key is 32 bytes.');
  return {
    keyId: bytesToHex(hkdf(sha256, dataKey, salt, utf8ToBytes('key id'), 8)),
    seal: hkdf(sha256, dataKey, salt, utf8ToBytes('seal AES-256-GCM'), 32),
    token: hkdf(sha256, dataKey, salt, utf8ToBytes('index token HMAC-SHA256'), 32),
  };
}

export function newDataKey(): Uint8Array {
  return webCrypto().getRandomValues(new Uint8Array(dataKeyBytes));
}

const nonceBytes = 12;

/**
 * Nonce | ciphertext | tag of the value's JSON under the seal key. `boundTo`, when given,
 * is authenticated with it (GCM associated data) but not stored in it: opening needs the
 * same text, so a seal moved to another row, or a row whose clear fields were edited,
 * does not open.
 */
export function sealJson(keys: AtRestKeys, value: unknown, boundTo?: string): Uint8Array {
  const nonce = webCrypto().getRandomValues(new Uint8Array(nonceBytes));
  const aad = boundTo === undefined ? undefined : utf8ToBytes(boundTo);
  const sealed = gcm(keys.seal, nonce, aad).encrypt(utf8ToBytes(JSON.stringify(value)));
  const out = new Uint8Array(nonceBytes + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, nonceBytes);
  return out;
}

/** The value sealed by sealJson; throws when the key is not the one that sealed it. */
export function openJson(keys: AtRestKeys, sealed: Uint8Array, boundTo?: string): unknown {
  const aad = boundTo === undefined ? undefined : utf8ToBytes(boundTo);
  const plain = gcm(keys.seal, sealed.subarray(0, nonceBytes), aad).decrypt(
    sealed.subarray(nonceBytes),
  );
  return JSON.parse(bytesToUtf8(plain));
}

/**
 * A keyed index token: HMAC-SHA256 of `label:value`, its first 16 bytes in hex. Equal
 * values give equal tokens under one key, so an index still finds them; without the key
 * a token says nothing (an ID number cannot be guessed from it by trying numbers).
 */
export function indexToken(keys: AtRestKeys, label: string, value: string): string {
  const mac = keyedMacOf(keys.token)
    .clone()
    .update(utf8ToBytes(`${label}:${value}`));
  return bytesToHex(mac.digest().subarray(0, 16));
}

/**
 * The HMAC with its key already absorbed, per token key: each token clones it instead of
 * hashing the key's two pad blocks again (half the work of a token; a person's row has
 * nine, so a restore of 200,000 persons saved tens of seconds). Same tokens as a fresh
 * `hmac(sha256, key, message)` (test/node/atRest/cipher.test.ts).
 */
const keyedMacs = new WeakMap<Uint8Array, ReturnType<typeof hmac.create>>();

function keyedMacOf(key: Uint8Array): ReturnType<typeof hmac.create> {
  let mac = keyedMacs.get(key);
  if (!mac) {
    mac = hmac.create(sha256, key);
    keyedMacs.set(key, mac);
  }
  return mac;
}
