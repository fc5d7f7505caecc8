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
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { webCrypto } from '../package/webCrypto';
import { gcmNonceBytes, keyedGcm, type KeyedGcm } from './keyedGcm';

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

const nonceBytes = gcmNonceBytes;

/** Each seal key's AES-GCM, its key schedule and hash table made once (keyedGcm.ts). */
const gcmOfKey = new WeakMap<Uint8Array, KeyedGcm>();

function gcmOf(keys: AtRestKeys): KeyedGcm {
  let cipher = gcmOfKey.get(keys.seal);
  if (!cipher) {
    cipher = keyedGcm(keys.seal);
    gcmOfKey.set(keys.seal, cipher);
  }
  return cipher;
}

/**
 * Random nonces drawn 1,024 at a time (one getRandomValues call, not one per row); each
 * 12 bytes are handed out once and wiped from the pool.
 */
const noncePool = { bytes: new Uint8Array(0), at: 0 };

function takeNonce(into: Uint8Array): void {
  if (noncePool.at + nonceBytes > noncePool.bytes.length) {
    noncePool.bytes = webCrypto().getRandomValues(new Uint8Array(nonceBytes * 1024));
    noncePool.at = 0;
  }
  const nonce = noncePool.bytes.subarray(noncePool.at, noncePool.at + nonceBytes);
  into.set(nonce);
  nonce.fill(0);
  noncePool.at += nonceBytes;
}

const noBinding = new Uint8Array(0);

/**
 * Nonce | ciphertext | tag of the value's JSON under the seal key. `boundTo`, when given,
 * is authenticated with it (GCM associated data) but not stored in it: opening needs the
 * same text, so a seal moved to another row, or a row whose clear fields were edited,
 * does not open.
 */
export function sealJson(keys: AtRestKeys, value: unknown, boundTo?: string): Uint8Array {
  const plain = utf8ToBytes(JSON.stringify(value));
  const out = new Uint8Array(nonceBytes + plain.length + 16);
  const nonce = out.subarray(0, nonceBytes);
  takeNonce(nonce);
  const aad = boundTo === undefined ? noBinding : utf8ToBytes(boundTo);
  gcmOf(keys).sealInto(nonce, plain, aad, out, nonceBytes);
  return out;
}

/** The value sealed by sealJson; throws when the key is not the one that sealed it. */
export function openJson(keys: AtRestKeys, sealed: Uint8Array, boundTo?: string): unknown {
  const aad = boundTo === undefined ? noBinding : utf8ToBytes(boundTo);
  const plain = gcmOf(keys).open(sealed.subarray(0, nonceBytes), sealed.subarray(nonceBytes), aad);
  return JSON.parse(bytesToUtf8(plain));
}

/** Each token key's HMAC-SHA256, its padded key hashed once (not once per token). */
const tokenHmacs = new WeakMap<Uint8Array, ReturnType<typeof hmac.create>>();

function tokenHmacOf(keys: AtRestKeys): ReturnType<typeof hmac.create> {
  let keyed = tokenHmacs.get(keys.token);
  if (!keyed) {
    keyed = hmac.create(sha256, keys.token);
    tokenHmacs.set(keys.token, keyed);
  }
  return keyed;
}

/**
 * A keyed index token: HMAC-SHA256 of `label:value`, its first 16 bytes in hex. Equal
 * values give equal tokens under one key, so an index still finds them; without the key
 * a token says nothing (an ID number cannot be guessed from it by trying numbers).
 */
export function indexToken(keys: AtRestKeys, label: string, value: string): string {
  const message = utf8ToBytes(`${label}:${value}`);
  return bytesToHex(tokenHmacOf(keys).clone().update(message).digest().subarray(0, 16));
}
