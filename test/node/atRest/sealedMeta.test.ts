import { describe, expect, it } from 'vitest';
import { sha256 } from '@shared/package/webCrypto';
import { ensureDeviceKeys, loadDeviceKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { loadWebCredential, saveWebCredential } from '../../../renderer/src/sync/syncMeta';
import { openTestDesk } from '../../fakes/deskFixtures';
import { rawRows } from './rawStore';

/**
 * Issue #16 item 1, from the at-rest review: Chromium writes a non-extractable
 * WebCrypto key's bytes into the profile, so the desk's package private keys are sealed
 * under the data key (PKCS #8) like personal rows; the web build's HQ token too.
 */
describe('secrets in meta, sealed', () => {
  it('the package private keys are stored only sealed, and still sign and agree', async () => {
    const { db } = await openTestDesk();
    const publicKeys = await ensureDeviceKeys(db);
    const raw = (await rawRows(db.name)).meta?.find(
      (r) => (r as { key: string }).key === 'packageKeys',
    ) as { value: Record<string, unknown> } | undefined;
    expect(Object.keys(raw?.value ?? {}).sort()).toEqual(['publicKeys', 'sealedPrivateKeys']);
    expect(raw?.value.sealedPrivateKeys).toBeInstanceOf(Uint8Array);

    const keys = await loadDeviceKeys(db);
    if (!keys) throw new Error('no keys');
    expect(keys.publicKeys).toEqual(publicKeys);
    expect((keys.signing.privateKey as CryptoKey).extractable).toBe(false);
    const data = new TextEncoder().encode('package manifest');
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      keys.signing.privateKey as CryptoKey,
      data,
    );
    const verifyKey = await crypto.subtle.importKey(
      'spki',
      Buffer.from(publicKeys.signing, 'base64'),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    expect(
      await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifyKey, signature, data),
    ).toBe(true);
    expect((await sha256(new Uint8Array(signature))).length).toBe(32);
  });

  it('the web build’s HQ token is stored sealed; one saved before encryption is sealed when read', async () => {
    const { db } = await openTestDesk();
    const credential = {
      hqUrl: 'https://hq.example',
      deviceId: 'd1',
      officeId: '330102001',
      officeName: '城关镇',
      token: 'd1.s3cr3t-token-value',
    };
    await saveWebCredential(db, credential);
    expect(JSON.stringify((await rawRows(db.name)).meta)).not.toContain('s3cr3t-token-value');
    expect(await loadWebCredential(db)).toEqual(credential);

    await db.meta.put({ key: 'syncWebCredential', value: credential }); // an older desk's row
    expect(await loadWebCredential(db)).toEqual(credential);
    expect(JSON.stringify((await rawRows(db.name)).meta)).not.toContain('s3cr3t-token-value');
  });
});
