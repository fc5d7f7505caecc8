/**
 * AES-256-GCM (NIST SP 800-38D, 96-bit nonces, 128-bit tags) with the key's work done
 * once per key instead of once per message. `gcm()` of @noble/ciphers expands the AES key
 * and builds a GHASH table for every row it seals (about 13 µs before the first byte),
 * and its small-message table takes 64 lookups per 16 bytes; a desk seals hundreds of
 * thousands of rows under one key in an initial pull. Here the key schedule, the hash
 * key H and a byte-wise table of H's multiples (16 × 256 entries, 64 KB) are made once;
 * each block then costs 16 lookups. The AES blocks are @noble/ciphers' own (its `ctr32`
 * over the expanded key, the counter mode `gcm()` uses); only GHASH's arrangement is ours.
 *
 * The output is standard GCM, byte for byte what `gcm()` and WebCrypto produce for the
 * same key, nonce and data (test/node/atRest/keyedGcm.test.ts checks both, and that a
 * changed byte anywhere fails to open).
 */
import { unsafe } from '@noble/ciphers/aes.js';

export const gcmNonceBytes = 12;
export const gcmTagBytes = 16;

export interface KeyedGcm {
  /** Ciphertext and tag of `plain`, written into `out` at `at` (4-byte aligned). */
  sealInto(
    nonce: Uint8Array,
    plain: Uint8Array,
    aad: Uint8Array,
    out: Uint8Array,
    at: number,
  ): void;
  /** The plaintext of `sealed` (ciphertext and tag); throws when the tag does not match. */
  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array;
}

/** H · x^k for k = 0..127 (x^0 is the first byte's high bit), four big-endian words each. */
function powersOf(h: Uint8Array): Uint32Array {
  const view = new DataView(h.buffer, h.byteOffset, 16);
  let v0 = view.getUint32(0);
  let v1 = view.getUint32(4);
  let v2 = view.getUint32(8);
  let v3 = view.getUint32(12);
  const out = new Uint32Array(128 * 4);
  for (let k = 0; k < 128; k++) {
    out.set([v0, v1, v2, v3], k * 4);
    // Multiplying by x shifts right one bit; the bit falling off (x^128) comes back as R.
    const carry = v3 & 1;
    v3 = (v3 >>> 1) | (v2 << 31);
    v2 = (v2 >>> 1) | (v1 << 31);
    v1 = (v1 >>> 1) | (v0 << 31);
    v0 = (v0 >>> 1) ^ (carry ? 0xe1000000 : 0);
  }
  return out;
}

/** table[(i·256 + b)·4 ..]: the product of H and a block whose byte i is b, others 0. */
function ghashTable(h: Uint8Array): Uint32Array {
  const powers = powersOf(h);
  const table = new Uint32Array(16 * 256 * 4);
  for (let i = 0; i < 16; i++) {
    const base = i * 256 * 4;
    for (let bit = 0; bit < 8; bit++) {
      // Byte value 0x80 >> bit is the power x^(8i + bit).
      const b = 0x80 >>> bit;
      table.set(powers.subarray((8 * i + bit) * 4, (8 * i + bit) * 4 + 4), base + b * 4);
    }
    for (let b = 1; b < 256; b++) {
      const low = b & -b;
      if (low === b) continue;
      const rest = b ^ low;
      for (let w = 0; w < 4; w++) {
        table[base + b * 4 + w] =
          ((table[base + rest * 4 + w] ?? 0) ^ (table[base + low * 4 + w] ?? 0)) >>> 0;
      }
    }
  }
  return table;
}

/**
 * s = (s xor block) · H for the 16 bytes of `data` from `at`: each byte j of the xor
 * picks its product from the table's part j, `(j·256 + byte)·4`, and the four words of
 * the sixteen products are xored. Unrolled by word, no allocation: it runs once per
 * 16 bytes of every row sealed or opened.
 */
function mulBlock(t: Uint32Array, s: Uint32Array, data: Uint8Array, at: number): void {
  let o0 = 0;
  let o1 = 0;
  let o2 = 0;
  let o3 = 0;
  for (let w = 0; w < 4; w++) {
    const i = at + 4 * w;
    const word =
      (s[w] as number) ^
      (((data[i] as number) << 24) |
        ((data[i + 1] as number) << 16) |
        ((data[i + 2] as number) << 8) |
        (data[i + 3] as number));
    const part = w << 12;
    let e = part | ((word >>> 22) & 0x3fc);
    o0 ^= t[e] as number;
    o1 ^= t[e + 1] as number;
    o2 ^= t[e + 2] as number;
    o3 ^= t[e + 3] as number;
    e = part | 0x400 | ((word >>> 14) & 0x3fc);
    o0 ^= t[e] as number;
    o1 ^= t[e + 1] as number;
    o2 ^= t[e + 2] as number;
    o3 ^= t[e + 3] as number;
    e = part | 0x800 | ((word >>> 6) & 0x3fc);
    o0 ^= t[e] as number;
    o1 ^= t[e + 1] as number;
    o2 ^= t[e + 2] as number;
    o3 ^= t[e + 3] as number;
    e = part | 0xc00 | ((word << 2) & 0x3fc);
    o0 ^= t[e] as number;
    o1 ^= t[e + 1] as number;
    o2 ^= t[e + 2] as number;
    o3 ^= t[e + 3] as number;
  }
  s[0] = o0;
  s[1] = o1;
  s[2] = o2;
  s[3] = o3;
}

/** The last, short block zero-padded (reused: GHASH runs on one thread, block by block). */
const padded = new Uint8Array(16);

/** GHASH state s (four big-endian words) over data zero-padded to 16 bytes. */
function ghashUpdate(t: Uint32Array, s: Uint32Array, data: Uint8Array): void {
  const n = data.length;
  const full = n - (n % 16);
  for (let at = 0; at < full; at += 16) mulBlock(t, s, data, at);
  if (full < n) {
    padded.fill(0);
    padded.set(data.subarray(full));
    mulBlock(t, s, padded, 0);
  }
}

export function keyedGcm(key: Uint8Array): KeyedGcm {
  const xk = unsafe.expandKeyLE(key);
  const h = unsafe.ctr32(xk, false, new Uint8Array(16), new Uint8Array(16));
  const table = ghashTable(h);

  /** The tag of (aad, ciphertext) for this nonce: GHASH xor E(J0). */
  const tagOf = (nonce: Uint8Array, aad: Uint8Array, cipher: Uint8Array): Uint8Array => {
    const s = new Uint32Array(4);
    ghashUpdate(table, s, aad);
    ghashUpdate(table, s, cipher);
    const lengths = new Uint8Array(16);
    const view = new DataView(lengths.buffer);
    view.setUint32(0, Math.floor(aad.length / 0x20000000));
    view.setUint32(4, (aad.length * 8) >>> 0);
    view.setUint32(8, Math.floor(cipher.length / 0x20000000));
    view.setUint32(12, (cipher.length * 8) >>> 0);
    ghashUpdate(table, s, lengths);
    const j0 = counterBlock(nonce, 1);
    const mask = unsafe.ctr32(xk, false, j0, new Uint8Array(16));
    const tag = new Uint8Array(16);
    const tagView = new DataView(tag.buffer);
    for (let w = 0; w < 4; w++) tagView.setUint32(w * 4, s[w] ?? 0);
    for (let i = 0; i < 16; i++) tag[i] = (tag[i] ?? 0) ^ (mask[i] ?? 0);
    return tag;
  };

  return {
    sealInto(nonce, plain, aad, out, at) {
      checkNonce(nonce);
      const cipher = out.subarray(at, at + plain.length);
      unsafe.ctr32(xk, false, counterBlock(nonce, 2), aligned(plain), cipher);
      out.set(tagOf(nonce, aad, cipher), at + plain.length);
    },
    open(nonce, sealed, aad) {
      checkNonce(nonce);
      if (sealed.length < gcmTagBytes) throw new Error('aes-gcm: sealed data too short');
      const cipher = sealed.subarray(0, sealed.length - gcmTagBytes);
      const tag = tagOf(nonce, aad, cipher);
      let diff = 0;
      for (let i = 0; i < gcmTagBytes; i++)
        diff |= (tag[i] ?? 0) ^ (sealed[cipher.length + i] ?? 0);
      if (diff !== 0) throw new Error('aes-gcm: invalid tag');
      return unsafe.ctr32(xk, false, counterBlock(nonce, 2), aligned(cipher));
    },
  };
}

function checkNonce(nonce: Uint8Array): void {
  if (nonce.length !== gcmNonceBytes) throw new Error('aes-gcm: a nonce is 12 bytes');
}

/** nonce || 32-bit big-endian counter. */
function counterBlock(nonce: Uint8Array, counter: number): Uint8Array {
  const block = new Uint8Array(16);
  block.set(nonce);
  new DataView(block.buffer).setUint32(12, counter);
  return block;
}

/** ctr32 reads and writes 32-bit words: a view at an unaligned offset is copied. */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}
