import { describe, expect, it } from 'vitest';
import {
  deriveAtRestKeys,
  indexToken,
  newDataKey,
  openJson,
  sealJson,
} from '@shared/atRest/cipher';
import { idBornNone, idPrefixLookup, idPrefixParts } from '@shared/atRest/idTokens';

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

  it('ID prefixes: the index parts of a number, resident or not', () => {
    const id = '330102196208150241';
    const resident = { idType: 'resident', idNumber: id, birthDate: '1962-08-15' };
    expect(idPrefixParts(resident)).toEqual({
      idPrefix4: '3301',
      idPrefix6: '330102',
      idBorn: '19620815',
    });
    // Birth digits only where they are the clear birth date the row shows anyway.
    expect(idPrefixParts({ ...resident, idType: 'passport' })?.idBorn).toBe(idBornNone);
    expect(idPrefixParts({ ...resident, birthDate: '1962-08-16' })?.idBorn).toBe(idBornNone);
    expect(idPrefixParts({ ...resident, birthDate: undefined })?.idBorn).toBe(idBornNone);
    expect(idPrefixParts({ ...resident, idNumber: '330102620815024' })?.idBorn).toBe(idBornNone);
    expect(idPrefixParts({ idType: 'passport', idNumber: 'E12345678' })).toEqual({
      idPrefix4: 'E123',
      idPrefix6: 'E12345',
      idBorn: idBornNone,
    });
    // A short number: found by its first 4 (its whole self standing for the 6).
    expect(idPrefixParts({ idType: 'other', idNumber: '12345' })).toEqual({
      idPrefix4: '1234',
      idPrefix6: '12345',
      idBorn: idBornNone,
    });
    expect(idPrefixParts({ idType: 'other', idNumber: '123' })).toBeNull();
  });

  it('ID prefixes: what a typed prefix looks up', () => {
    const none = { from: idBornNone, to: idBornNone };
    expect(idPrefixLookup('330')).toBeNull();
    expect(idPrefixLookup('3301')).toEqual({ prefix4: '3301', prefix6: null, born: null });
    expect(idPrefixLookup('33010')).toEqual({ prefix4: '3301', prefix6: null, born: null });
    expect(idPrefixLookup('330102')).toEqual({ prefix4: '3301', prefix6: '330102', born: null });
    expect(idPrefixLookup('3301021')?.born).toEqual([{ from: '10000000', to: '19999999' }, none]);
    expect(idPrefixLookup('330102199')?.born).toEqual([{ from: '19900000', to: '19999999' }, none]);
    expect(idPrefixLookup('33010219620815')?.born).toEqual([
      { from: '19620815', to: '19620815' },
      none,
    ]);
    // Past the birth date: the day's span (its persons are then checked once opened).
    expect(idPrefixLookup('330102196208150241')?.born).toEqual([
      { from: '19620815', to: '19620815' },
      none,
    ]);
    // Not digits after the 6th: only a non-resident number can start so.
    expect(idPrefixLookup('E12345X7')).toEqual({
      prefix4: 'E123',
      prefix6: 'E12345',
      born: [none],
    });
  });
});
