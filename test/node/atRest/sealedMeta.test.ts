import { describe, expect, it } from 'vitest';
import { sha256 } from '@shared/package/webCrypto';
import { sealedMetaKeys } from '../../../renderer/src/db/atRest/sealedMetaKeys';
import {
  ensureDeviceKeys,
  loadDeviceKeys,
  loadHqKeys,
  pinHqKeys,
} from '../../../renderer/src/sync/packages/deviceKeys';
import { loadWebCredential, saveWebCredential } from '../../../renderer/src/sync/syncMeta';
import { openTestDesk } from '../../fakes/deskFixtures';
import { signAndVerify } from './deviceKeySigning';
import { rawPut, rawRows, withLockedStore } from './rawStore';

/**
 * Issue #16 item 1, from the at-rest review: Chromium writes a non-extractable
 * WebCrypto key's bytes into the profile, so the desk's package private keys are sealed
 * under the data key (PKCS #8) like personal rows; the web build's HQ token too. The
 * middleware seals the meta rows named in ONE list (sealedMetaKeys.ts); callers read and
 * write them plain.
 */
const credential = {
  hqUrl: 'https://hq.example',
  deviceId: 'd1',
  officeId: '330102001',
  officeName: '城关镇',
  token: 'd1.s3cr3t-token-value',
};

async function rawMeta(name: string, key: string): Promise<Record<string, unknown> | undefined> {
  const rows = (await rawRows(name)).meta as Record<string, unknown>[] | undefined;
  return rows?.find((row) => row.key === key);
}

describe('secrets in meta, sealed by the middleware', () => {
  it('the package private keys are stored only sealed, and still sign and agree', async () => {
    const { db } = await openTestDesk();
    const publicKeys = await ensureDeviceKeys(db);
    const raw = await rawMeta(db.name, 'packageKeys');
    expect(Object.keys(raw ?? {}).sort()).toEqual(['_sealed', 'key']);
    expect(raw?._sealed).toBeInstanceOf(Uint8Array);

    const keys = await loadDeviceKeys(db);
    if (!keys) throw new Error('no keys');
    expect(keys.publicKeys).toEqual(publicKeys);
    expect((keys.signing.privateKey as CryptoKey).extractable).toBe(false);
    const { verified, signature } = await signAndVerify(keys, publicKeys, 'package manifest');
    expect(verified).toBe(true);
    expect((await sha256(signature)).length).toBe(32);
  });

  it('every listed row is stored as its key and a seal only; a seal moved to another listed row is refused', async () => {
    const { db } = await openTestDesk();
    await saveWebCredential(db, credential);
    await ensureDeviceKeys(db);
    const hqKeys = await ensureDeviceKeys((await openTestDesk()).db);
    await pinHqKeys(db, hqKeys);
    const chainKey = 'c0ffee'.repeat(10);
    await db.meta.put({ key: 'accessChainKey', value: chainKey });

    for (const key of sealedMetaKeys) {
      const raw = await rawMeta(db.name, key);
      expect(Object.keys(raw ?? {}).sort(), key).toEqual(['_sealed', 'key']);
    }
    const stored = JSON.stringify((await rawRows(db.name)).meta);
    for (const secret of ['s3cr3t-token-value', 'hq.example', chainKey, hqKeys.signing]) {
      expect(stored).not.toContain(secret);
    }
    // Read plain, as saved.
    expect(await loadWebCredential(db)).toEqual(credential);
    expect((await loadHqKeys(db))?.publicKeys).toEqual(hqKeys);

    // The HQ keys' row given the credential's seal (an intruder's cut and paste).
    const sealOfCredential = (await rawMeta(db.name, 'syncWebCredential'))?._sealed;
    await rawPut(db.name, 'meta', { key: 'hqPackageKeys', _sealed: sealOfCredential });
    await expect(loadHqKeys(db)).rejects.toThrow(/does not match/);
  });

  it('a plain row of a listed key put into the profile is refused as it is read, and the read writes nothing', async () => {
    const { db } = await openTestDesk();
    // Someone with the profile but not the key writes their own HQ address and token.
    const theirs = { ...credential, hqUrl: 'https://evil.example', token: 'd1.theirs' };
    await rawPut(db.name, 'meta', { key: 'syncWebCredential', value: theirs });
    const before = JSON.stringify(await rawMeta(db.name, 'syncWebCredential'));
    await expect(loadWebCredential(db)).rejects.toThrow(/not sealed/);
    expect(JSON.stringify(await rawMeta(db.name, 'syncWebCredential'))).toBe(before);

    // Their own package keys (to be enrolled with HQ in the desk's name): refused too.
    const { db: other } = await openTestDesk();
    await ensureDeviceKeys(other);
    const theirKeys = await other.meta.get('packageKeys');
    await rawPut(db.name, 'meta', theirKeys);
    await expect(loadDeviceKeys(db)).rejects.toThrow(/not sealed/);
    await expect(ensureDeviceKeys(db)).rejects.toThrow(/not sealed/);
  });

  it('a locked store neither reads nor writes a listed row; the rows read before a login still work', async () => {
    const { db } = await openTestDesk();
    await saveWebCredential(db, credential);
    db.close();
    await withLockedStore(db.name, async (locked) => {
      await expect(loadWebCredential(locked)).rejects.toThrow(/locked/);
      await expect(saveWebCredential(locked, credential)).rejects.toThrow(/locked/);
      await expect(ensureDeviceKeys(locked)).rejects.toThrow(/locked/);
      // Not listed: the key id is read while locked; the device id is made at start.
      expect((await locked.meta.get('atRest'))?.value).toMatchObject({
        sealedMeta: [...sealedMetaKeys],
      });
      await locked.meta.put({ key: 'deviceId', value: 'd-locked' });
    });
  });
});
