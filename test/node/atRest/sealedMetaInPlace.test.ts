import { describe, expect, it } from 'vitest';
import { sealJson } from '@shared/atRest/cipher';
import { newRecordId } from '@shared/records/ids';
import { exportPublicKeys, generatePackageKeys, type PublicKeys } from '@shared/package/keys';
import { toBase64 } from '@shared/package/webCrypto';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { accessChainKeyOf } from '../../../renderer/src/db/accessChain';
import { sealedMetaKeys } from '../../../renderer/src/db/atRest/sealedMetaKeys';
import {
  ensureDeviceKeys,
  loadDeviceKeys,
  loadHqKeys,
  type DeviceKeys,
} from '../../../renderer/src/sync/packages/deviceKeys';
import { loadWebCredential } from '../../../renderer/src/sync/syncMeta';
import { openTestDesk } from '../../fakes/deskFixtures';
import { signAndVerify } from './deviceKeySigning';
import { rawPut, rawRows } from './rawStore';

/**
 * Existing desks (docs/at-rest.md): the listed meta rows they hold plain, or in the forms
 * the first encrypted version sealed them in itself, are sealed in place by sealInPlace.ts
 * at the next open with the key; the store then records them, and refuses a plain one.
 */
const credential = {
  hqUrl: 'https://hq.example',
  deviceId: 'd1',
  officeId: '330102001',
  officeName: '城关镇',
  token: 'd1.s3cr3t-token-value',
};
const chainKey = 'ab'.repeat(32);
const pinnedHq = { publicKeys: { signing: 'HQ-SIGN', encryption: 'HQ-ENC' } as PublicKeys };
const hqRow = { ...pinnedHq, signingKeyId: 's', encryptionKeyId: 'e' };

async function rawMeta(name: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = ((await rawRows(name)).meta ?? []) as Record<string, unknown>[];
  return new Map(rows.map((row) => [String(row.key), row]));
}

const signsFor = async (keys: DeviceKeys | null, publicKeys: PublicKeys) =>
  (await signAndVerify(keys, publicKeys)).verified;

function expectSealed(raw: Map<string, Record<string, unknown>>) {
  for (const key of sealedMetaKeys) {
    expect(Object.keys(raw.get(key) ?? {}).sort(), key).toEqual(['_sealed', 'key']);
  }
  const value = raw.get('atRest')?.value as { sealedMeta?: string[] } | undefined;
  expect(value?.sealedMeta).toEqual([...sealedMetaKeys]);
}

describe('listed meta rows of existing desks, sealed in place', () => {
  it('a desk from before encryption: plain rows sealed; its package key objects kept usable beside them until it enrolls again', async () => {
    const name = `mig-meta-${newRecordId()}`;
    const v15 = new DeskDatabase(name, 15);
    const keyObjects = await generatePackageKeys(false);
    const publicKeys = await exportPublicKeys(keyObjects);
    await v15.meta.bulkPut([
      { key: 'syncWebCredential', value: credential },
      { key: 'accessChainKey', value: chainKey },
      { key: 'hqPackageKeys', value: hqRow },
      { key: 'packageKeys', value: { keys: keyObjects, publicKeys } },
    ]);
    v15.close();

    const db = new DeskDatabase(name); // with its key: sealed in place as it opens
    await db.open();
    const raw = await rawMeta(name);
    expectSealed(raw);
    expect(JSON.stringify([...raw.values()])).not.toContain('s3cr3t-token-value');
    expect(JSON.stringify([...raw.values()])).not.toContain(chainKey);
    expect(await loadWebCredential(db)).toEqual(credential);
    expect(await accessChainKeyOf(db)).toBe(chainKey);
    expect((await loadHqKeys(db))?.publicKeys).toEqual(pinnedHq.publicKeys);
    // The key objects cannot be sealed (non-extractable): their own row, used while the
    // sealed row names their public halves.
    expect(raw.has('packageKeysBeforeEncryption')).toBe(true);
    expect(await signsFor(await loadDeviceKeys(db), publicKeys)).toBe(true);
    expect(await ensureDeviceKeys(db)).toEqual(publicKeys); // a backup keeps them

    // An intruder's pair in that clear row (other public halves) is not used.
    const theirs = await generatePackageKeys(false);
    const theirsPublic = await exportPublicKeys(theirs);
    await rawPut(name, 'meta', {
      key: 'packageKeysBeforeEncryption',
      value: { keys: theirs, publicKeys: theirsPublic },
    });
    expect(await loadDeviceKeys(db)).toBeNull();
    await rawPut(name, 'meta', {
      key: 'packageKeysBeforeEncryption',
      value: { keys: keyObjects, publicKeys },
    });

    // Enrolling again makes a new pair, sealed; the old one's row goes.
    const renewed = await ensureDeviceKeys(db, { renew: 'beforeEncryption' });
    expect(renewed).not.toEqual(publicKeys);
    expect(await signsFor(await loadDeviceKeys(db), renewed)).toBe(true);
    expect((await rawMeta(name)).has('packageKeysBeforeEncryption')).toBe(false);
    db.close();
  });

  // Before the row had a MAC (atRestRow.ts) this path sealed those rows in place. A row
  // without a MAC is what anyone can write, so it no longer adopts anything: the first
  // encrypted version's forms (a development version, never in service) are refused, and
  // such a desk enrolls again.
  it('a desk sealed before meta rows were (its row without a MAC): its old forms and plain rows are refused, not taken in', async () => {
    const { db } = await openTestDesk();
    const name = db.name;
    const keys = db.atRest.keys;
    if (!keys) throw new Error('no keys');
    // What the first encrypted version left: meta not recorded, rows in its forms.
    const atRest = (await db.meta.get('atRest'))?.value as Record<string, unknown>;
    const { sealedMeta: _recorded, ...before } = atRest;
    const pairs = await generatePackageKeys(true);
    const publicKeys = await exportPublicKeys(pairs);
    const pkcs8 = async (key: unknown) =>
      toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', key as CryptoKey)));
    const privateKeys = {
      signing: await pkcs8(pairs.signing.privateKey),
      encryption: await pkcs8(pairs.encryption.privateKey),
    };
    db.close();
    await rawPut(name, 'meta', { key: 'atRest', value: before });
    await rawPut(name, 'meta', {
      key: 'syncWebCredential',
      value: { sealed: sealJson(keys, credential) },
    });
    await rawPut(name, 'meta', {
      key: 'packageKeys',
      value: { sealedPrivateKeys: sealJson(keys, privateKeys), publicKeys },
    });
    await rawPut(name, 'meta', { key: 'accessChainKey', value: chainKey });
    await rawPut(name, 'meta', { key: 'hqPackageKeys', value: hqRow });

    const reopened = new DeskDatabase(name);
    await reopened.open();
    const raw = await rawMeta(name);
    // The row written again, whole, with its sealedAt; the rows left as they were.
    expect((raw.get('atRest')?.value as { sealedMeta?: string[] }).sealedMeta).toEqual([
      ...sealedMetaKeys,
    ]);
    expect((raw.get('atRest')?.value as { sealedAt?: string }).sealedAt).toBe(before.sealedAt);
    expect(raw.get('accessChainKey')?.value).toBe(chainKey);
    await expect(loadWebCredential(reopened)).rejects.toThrow(/not sealed/);
    await expect(accessChainKeyOf(reopened)).rejects.toThrow(/not sealed/);
    await expect(loadHqKeys(reopened)).rejects.toThrow(/not sealed/);
    await expect(loadDeviceKeys(reopened)).rejects.toThrow(/not sealed/);
    reopened.close();
  });
});
