import { describe, expect, it } from 'vitest';
import { gcm } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  deriveAtRestKeys,
  indexToken,
  newDataKey,
  openJson,
  sealJson,
} from '@shared/atRest/cipher';
import { idIndexToken } from '@shared/atRest/idTokens';
import { keyedGcm } from '@shared/atRest/keyedGcm';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** Seals with the keyed GCM into a fresh buffer (ciphertext and tag after a 12-byte gap). */
function sealKeyed(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array, aad: Uint8Array) {
  const out = new Uint8Array(12 + plain.length + 16);
  keyedGcm(key).sealInto(nonce, plain, aad, out, 12);
  return out.subarray(12);
}

describe('AES-256-GCM with the key prepared once (shared/atRest/keyedGcm.ts)', () => {
  it('seals byte for byte as @noble/ciphers gcm does, at every length around a block', () => {
    const lengths = [0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 560, 1000, 4099];
    for (const length of lengths) {
      for (const aadLength of [0, 1, 16, 33, 625]) {
        const key = random(32);
        const nonce = random(12);
        const plain = random(length);
        const aad = random(aadLength);
        const sealed = sealKeyed(key, nonce, plain, aad);
        expect(bytesToHex(sealed)).toBe(bytesToHex(gcm(key, nonce, aad).encrypt(plain)));
        expect(bytesToHex(keyedGcm(key).open(nonce, sealed, aad))).toBe(bytesToHex(plain));
      }
    }
  });

  it('WebCrypto opens what it seals, with the associated data, and it opens what WebCrypto seals', async () => {
    const key = random(32);
    const nonce = random(12);
    const plain = utf8ToBytes(JSON.stringify({ idNumber: '330102196208150241', 收入: 123456 }));
    const aad = utf8ToBytes('["persons",[["id","p-1"]]]');
    const webKey = await crypto.subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    const params = {
      name: 'AES-GCM',
      iv: nonce as BufferSource,
      additionalData: aad as BufferSource,
    };
    const sealed = sealKeyed(key, nonce, plain, aad);
    const opened = new Uint8Array(
      await crypto.subtle.decrypt(params, webKey, sealed as BufferSource),
    );
    expect(bytesToHex(opened)).toBe(bytesToHex(plain));
    const byWeb = new Uint8Array(
      await crypto.subtle.encrypt(params, webKey, plain as BufferSource),
    );
    expect(bytesToHex(keyedGcm(key).open(nonce, byWeb, aad))).toBe(bytesToHex(plain));
  });

  it('refuses a changed bit anywhere: ciphertext, tag, nonce, associated data; another key', () => {
    const key = random(32);
    const cipher = keyedGcm(key);
    const nonce = random(12);
    const plain = random(100);
    const aad = random(40);
    const sealed = sealKeyed(key, nonce, plain, aad);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = sealed.slice();
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect(() => cipher.open(nonce, tampered, aad)).toThrow(/invalid tag/);
    }
    const otherNonce = nonce.slice();
    otherNonce[11] = (otherNonce[11] ?? 0) ^ 0x80;
    expect(() => cipher.open(otherNonce, sealed, aad)).toThrow(/invalid tag/);
    const otherAad = aad.slice();
    otherAad[0] = (otherAad[0] ?? 0) ^ 0x01;
    expect(() => cipher.open(nonce, sealed, otherAad)).toThrow(/invalid tag/);
    expect(() => cipher.open(nonce, sealed, aad.subarray(1))).toThrow(/invalid tag/);
    expect(() => keyedGcm(random(32)).open(nonce, sealed, aad)).toThrow(/invalid tag/);
    expect(() => cipher.open(nonce, sealed.subarray(0, 15), aad)).toThrow();
    expect(() => cipher.open(nonce.subarray(1), sealed, aad)).toThrow(/12 bytes/);
  });

  it('opens data at an unaligned offset (a view into a larger buffer)', () => {
    const key = random(32);
    const nonce = random(12);
    const plain = random(77);
    const sealed = sealKeyed(key, nonce, plain, new Uint8Array(0));
    const shifted = new Uint8Array(sealed.length + 3);
    shifted.set(sealed, 3);
    const view = shifted.subarray(3);
    expect(bytesToHex(keyedGcm(key).open(nonce, view, new Uint8Array(0)))).toBe(bytesToHex(plain));
  });
});

describe('sealJson and the index tokens over the prepared key', () => {
  it('every seal has its own nonce, also across refills of the nonce pool', () => {
    const keys = deriveAtRestKeys(newDataKey());
    const nonces = new Set<string>();
    for (let i = 0; i < 2_500; i++) {
      const sealed = sealJson(keys, { i }, `row ${i}`);
      nonces.add(bytesToHex(sealed.subarray(0, 12)));
      if (i % 500 === 0) expect(openJson(keys, sealed, `row ${i}`)).toEqual({ i });
    }
    expect(nonces.size).toBe(2_500);
  });

  it('a seal bound to one text does not open bound to another, nor unbound', () => {
    const keys = deriveAtRestKeys(newDataKey());
    const sealed = sealJson(keys, { note: '低保' }, '["cases",[["status","approved"]]]');
    expect(() => openJson(keys, sealed, '["cases",[["status","closed"]]]')).toThrow();
    expect(() => openJson(keys, sealed)).toThrow();
  });

  it('a token made again (kept from before) is the HMAC it would be made as', () => {
    const keys = deriveAtRestKeys(newDataKey());
    const expected = (message: string) =>
      bytesToHex(hmac(sha256, keys.token, utf8ToBytes(message)).subarray(0, 16));
    for (let round = 0; round < 2; round++) {
      expect(idIndexToken(keys, 'idPrefix4', '3301')).toBe(expected('prefix:3301'));
      expect(idIndexToken(keys, 'idPrefix6', '330102')).toBe(expected('prefix:330102'));
      expect(idIndexToken(keys, 'idTails', '0241')).toBe(expected('tail:0241'));
      expect(idIndexToken(keys, 'idTails', '150241')).toBe(expected('tail:150241'));
      expect(idIndexToken(keys, 'idNumber', '330102196208150241')).toBe(
        expected('id:330102196208150241'),
      );
      expect(indexToken(keys, 'prefix', '3301')).toBe(expected('prefix:3301'));
    }
    // Another key with the same values: its own tokens, not the first key's kept ones.
    const other = deriveAtRestKeys(newDataKey());
    expect(idIndexToken(other, 'idPrefix4', '3301')).not.toBe(
      idIndexToken(keys, 'idPrefix4', '3301'),
    );
  });
});
