import { describe, expect, it } from 'vitest';
import {
  deriveAtRestKeys,
  indexToken,
  newDataKey,
  openJson,
  sealJson,
} from '@shared/atRest/cipher';
import { idBirthRange, idPrefixLookup, idPrefixesOf } from '@shared/atRest/idTokens';

describe('the at-rest cipher (shared/atRest)', () => {
  it('seals a value as standard AES-256-GCM that WebCrypto opens with the same key', async () => {
    const keys = deriveAtRestKeys(newDataKey());
    const value = { idNumber: '330102196208150241', note: '低保 家庭' };
    const sealed = sealJson(keys, value);
    expect(openJson(keys, sealed)).toEqual(value);
    const key = await crypto.subtle.importKey('raw', keys.seal as BufferSource, 'AES-GCM', false, [
      'decrypt',
    ]);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, 12) as BufferSource },
      key,
      sealed.subarray(12) as BufferSource,
    );
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual(value);
  });

  it('a fresh nonce each time; another key, or one flipped bit, does not open it', () => {
    const keys = deriveAtRestKeys(newDataKey());
    const a = sealJson(keys, 'x');
    const b = sealJson(keys, 'x');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(() => openJson(deriveAtRestKeys(newDataKey()), a)).toThrow();
    const tampered = a.slice();
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => openJson(keys, tampered)).toThrow();
  });

  it('index tokens: equal under one key, different per label and per key, nothing of the value', () => {
    const dataKey = newDataKey();
    const keys = deriveAtRestKeys(dataKey);
    const id = '330102196208150241';
    expect(indexToken(keys, 'id', id)).toBe(indexToken(deriveAtRestKeys(dataKey), 'id', id));
    expect(indexToken(keys, 'id', id)).not.toBe(indexToken(keys, 'prefix', id));
    expect(indexToken(keys, 'id', id)).not.toBe(
      indexToken(deriveAtRestKeys(newDataKey()), 'id', id),
    );
    expect(indexToken(keys, 'id', id)).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.keyId).toBe(deriveAtRestKeys(dataKey).keyId);
  });

  it('index tokens are standard HMAC-SHA256 (WebCrypto agrees), token after token under one key', async () => {
    const keys = deriveAtRestKeys(newDataKey());
    const key = await crypto.subtle.importKey(
      'raw',
      keys.token as BufferSource,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    // Several in a row: each token starts again from the keyed state, none from the last.
    for (const value of ['330102196208150241', '3301', '', '0241', '330102196208150241']) {
      const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`tail:${value}`));
      expect(indexToken(keys, 'tail', value)).toBe(
        Buffer.from(mac).subarray(0, 16).toString('hex'),
      );
    }
  });

  it('ID prefixes: the tokens kept, and the one a typed prefix looks up', () => {
    const id = '330102196208150241';
    expect(idPrefixesOf(id)).toEqual([
      '3301',
      '330102',
      '3301021962',
      '330102196208',
      '33010219620815',
    ]);
    expect(idPrefixLookup('330')).toBeNull();
    expect(idPrefixLookup('3301')).toBe('3301');
    expect(idPrefixLookup('33010')).toBe('3301');
    expect(idPrefixLookup('3301021')).toBe('330102');
    expect(idPrefixLookup('33010219620')).toBe('3301021962');
    // 16 characters and more: the 14's token (the day of birth), then the opened numbers.
    expect(idPrefixLookup('3301021962081502')).toBe('33010219620815');
    expect(idPrefixLookup(id)).toBe('33010219620815');
  });

  it('ID prefixes that stop inside the birth date: the birth dates they imply', () => {
    expect(idBirthRange('3301021')).toEqual({ from: '1000-00-00', to: '1999-99-99' });
    expect(idBirthRange('330102199')).toEqual({ from: '1990-00-00', to: '1999-99-99' });
    expect(idBirthRange('33010219901')).toEqual({ from: '1990-10-00', to: '1990-19-99' });
    expect(idBirthRange('3301021990053')).toEqual({ from: '1990-05-30', to: '1990-05-39' });
    // A token of its own length (10, 12, 14), shorter than the date, past it, or not digits.
    for (const exact of ['3301021990', '330102199005', '33010219900530', '330102', '33010']) {
      expect(idBirthRange(exact)).toBeNull();
    }
    expect(idBirthRange('330102199005301')).toBeNull();
    expect(idBirthRange('33010219x')).toBeNull();
  });
});
