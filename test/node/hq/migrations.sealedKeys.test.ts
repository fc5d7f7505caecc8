import { webcrypto } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementAlgorithm, signatureParams, signingAlgorithm } from '@shared/package/webCrypto';
import { defaultKeyFile, openHqDatabase } from '../../../hq/src/db/database';
import { hqMigrations, latestHqSchemaVersion } from '../../../hq/src/db/migrations';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { hqDatabaseAt } from '../../support/hqSchemaAt';
import { emptyPlace, hqStorages, type HqPlace } from '../../support/hqHarness';

/**
 * Schema 4 → 5: HQ's private package keys, stored in the clear in hq_meta before, are
 * sealed with the key file on the first start of the new HQ; the clear text is gone
 * from the row (and, on SQLite, from the file), and the keys are the same keys.
 */

const { subtle } = webcrypto;
const noKeyFile = {
  keyWrapping: () => Promise.reject(new Error('schema 4 needs no key file')),
};
const b64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

/** A database at schema 4 with package keys as HQ stored them then (PKCS #8 in the clear). */
async function schema4WithPlainKeys(place: HqPlace) {
  const db = await hqDatabaseAt(place, '0004_sync_packages');
  const signing = await subtle.generateKey(signingAlgorithm, true, ['sign', 'verify']);
  const encryption = await subtle.generateKey(agreementAlgorithm, true, ['deriveBits']);
  const plain = {
    signing: {
      privateKey: b64(await subtle.exportKey('pkcs8', signing.privateKey)),
      publicKey: b64(await subtle.exportKey('spki', signing.publicKey)),
    },
    encryption: {
      privateKey: b64(await subtle.exportKey('pkcs8', encryption.privateKey)),
      publicKey: b64(await subtle.exportKey('spki', encryption.publicKey)),
    },
  };
  await db
    .insertInto('hq_meta')
    .values({ key: 'package_keys', value: JSON.stringify(plain) })
    .execute();
  await db.destroy();
  return { plain, signing, encryption };
}

const sqliteFileText = async (place: HqPlace) => {
  const parts = await Promise.all(
    ['hq.sqlite', 'hq.sqlite-wal'].map((name) =>
      readFile(join(place.dataDir, name)).catch(() => Buffer.alloc(0)),
    ),
  );
  return Buffer.concat(parts).toString('latin1');
};

describe.each(hqStorages)('schema 5 over $kind: sealed HQ keys', (storage) => {
  it('is schema 5, after the four before it', async () => {
    const names = Object.keys(await hqMigrations(noKeyFile).getMigrations());
    expect(names.indexOf('0005_sealed_hq_keys')).toBe(4);
    expect(latestHqSchemaVersion).toBeGreaterThanOrEqual(5);
  });

  it('v4 → v5: seals the clear private keys with a new key file; the keys stay the same', async () => {
    const place = await emptyPlace(storage);
    try {
      const old = await schema4WithPlainKeys(place);
      if (!place.databaseUrl) {
        // The control: before the upgrade the clear key is in the file.
        expect((await sqliteFileText(place)).includes(old.plain.signing.privateKey)).toBe(true);
      }
      await expect(stat(defaultKeyFile(place.dataDir))).rejects.toThrow();

      const hq = await openHqDatabase(place);
      const row = await hq.db
        .selectFrom('hq_meta')
        .select('value')
        .where('key', '=', 'package_keys')
        .executeTakeFirstOrThrow();
      const keyFile = await stat(defaultKeyFile(place.dataDir));
      expect(keyFile.mode & 0o777).toBe(0o600);
      expect(keyFile.size).toBe(32);
      for (const role of ['signing', 'encryption'] as const) {
        expect(row.value).not.toContain(old.plain[role].privateKey);
        expect(row.value).toContain(old.plain[role].publicKey);
      }
      expect(JSON.parse(row.value)).toEqual({
        signing: { publicKey: old.plain.signing.publicKey, sealedPrivateKey: expect.any(String) },
        encryption: {
          publicKey: old.plain.encryption.publicKey,
          sealedPrivateKey: expect.any(String),
        },
      });

      // The same keys: a signature verifies with the pinned public half, and an agreement
      // with a desk's key gives the bits the old private half gives.
      const keys = await loadHqKeys(hq);
      expect(keys.signing.publicKey).toBe(old.plain.signing.publicKey);
      const data = new TextEncoder().encode('return file');
      const signature = await subtle.sign(signatureParams, keys.signing.privateKey, data);
      expect(await subtle.verify(signatureParams, old.signing.publicKey, signature, data)).toBe(
        true,
      );
      const desk = await subtle.generateKey(agreementAlgorithm, true, ['deriveBits']);
      const derive = (privateKey: webcrypto.CryptoKey) =>
        subtle.deriveBits({ name: 'ECDH', public: desk.publicKey }, privateKey, 256);
      expect(Buffer.from(await derive(keys.encryption.privateKey))).toEqual(
        Buffer.from(await derive(old.encryption.privateKey)),
      );
      if (!place.databaseUrl) {
        // Gone from the files while HQ runs (a copy of them is a dump too), not only
        // once a checkpoint at close has rewritten the page.
        const text = await sqliteFileText(place);
        expect(text.includes(old.plain.signing.privateKey)).toBe(false);
        expect(text.includes(old.plain.encryption.privateKey)).toBe(false);
      }
      await hq.close();

      // A restart changes nothing.
      const again = await openHqDatabase(place);
      const rowAgain = await again.db
        .selectFrom('hq_meta')
        .select('value')
        .where('key', '=', 'package_keys')
        .executeTakeFirstOrThrow();
      expect(rowAgain.value).toBe(row.value);
      expect((await loadHqKeys(again)).encryption.publicKey).toBe(old.plain.encryption.publicKey);
      await again.close();
    } finally {
      await place.drop();
    }
  });

  it('v4 → v5 with a key file already in place: seals with that one', async () => {
    const place = await emptyPlace(storage);
    try {
      const old = await schema4WithPlainKeys(place);
      const key = Buffer.alloc(32, 7);
      await writeFile(defaultKeyFile(place.dataDir), key, { mode: 0o600 });
      const hq = await openHqDatabase(place);
      expect(await readFile(defaultKeyFile(place.dataDir))).toEqual(key);
      expect((await loadHqKeys(hq)).signing.publicKey).toBe(old.plain.signing.publicKey);
      await hq.close();
      // Another key file does not open them (the upgrade used the one in place).
      await rm(defaultKeyFile(place.dataDir));
      await writeFile(defaultKeyFile(place.dataDir), Buffer.alloc(32, 8), { mode: 0o600 });
      await expect(openHqDatabase(place)).rejects.toThrow(/does not open HQ's package keys/);
    } finally {
      await place.drop();
    }
  });
});
