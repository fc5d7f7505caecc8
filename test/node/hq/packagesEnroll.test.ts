import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportPublicKeys, generatePackageKeys } from '@shared/package/keys';
import { hqRoutes } from '@shared/sync/httpApi';
import { enrollResponseSchema } from '@shared/sync/protocol';
import { openHqDatabase } from '../../../hq/src/db/database';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { addOffice, createEnrollmentCode } from '../../../hq/src/store/offices';
import {
  freshPlace,
  hqRowCounts,
  hqStorages,
  postJson,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';

/**
 * Enrollment with package keys: HQ keeps the desk's two public keys, refuses keys that
 * are not P-256 keys of their use (naming the field), and hands out its own, which stay
 * the same for the life of the database.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function enrollBody(hq: RunningHq, deviceId: string, publicKeys: unknown) {
  const office = await hq.hq.db.selectFrom('offices').select('id').executeTakeFirst();
  if (!office) await addOffice(hq.hq.db, { id: 'office-a', name: '城关镇' }, new Date());
  const code = await createEnrollmentCode(hq.hq.db, 'office-a', new Date());
  return { code, deviceId, officeId: 'office-a', deviceName: '窗口 1', publicKeys };
}

const p384Key = async () => {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  return Buffer.from(await webcrypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
};

describe.each(hqStorages)('enrollment with package keys over $kind', (storage) => {
  it("stores the desk's keys and answers with HQ's", async () => {
    running = await startHq({ storage });
    const publicKeys = await exportPublicKeys(await generatePackageKeys());
    const answer = await postJson(
      `${running.url}${hqRoutes.enroll}`,
      await enrollBody(running, 'device-0001', publicKeys),
    );
    expect(answer.status).toBe(200);
    const enrolled = enrollResponseSchema.parse(answer.body);
    const hqKeys = await loadHqKeys(running.hq);
    expect(enrolled.hqKeys).toEqual({
      signing: hqKeys.signing.publicKey,
      encryption: hqKeys.encryption.publicKey,
    });
    const device = await running.hq.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', 'device-0001')
      .executeTakeFirstOrThrow();
    expect([device.public_key, device.encryption_key]).toEqual([
      publicKeys.signing,
      publicKeys.encryption,
    ]);
    // A desk made before sync packages still enrolls (it syncs online only).
    const old = await postJson(
      `${running.url}${hqRoutes.enroll}`,
      await enrollBody(running, 'device-0002', null),
    );
    expect(old.status).toBe(200);
  });

  it('refuses keys that are not P-256 public keys of their use, naming the field', async () => {
    running = await startHq({ storage });
    const good = await exportPublicKeys(await generatePackageKeys());
    const cases: [unknown, string][] = [
      [{ ...good, signing: 'bm90IGEga2V5' }, 'publicKeys.signing'],
      [{ ...good, encryption: await p384Key() }, 'publicKeys.encryption'],
      [{ ...good, encryption: good.signing }, 'publicKeys.encryption'],
      [{ signing: good.signing }, 'publicKeys.encryption'],
    ];
    for (const [index, [publicKeys, path]] of cases.entries()) {
      const before = await hqRowCounts(running.hq);
      const body = await enrollBody(running, `device-bad-${index}`, publicKeys);
      const answer = await postJson(`${running.url}${hqRoutes.enroll}`, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body).toMatchObject({ code: 'validation', fieldErrors: [{ path }] });
      // Nothing enrolled and the code is not spent.
      const after = await hqRowCounts(running.hq);
      expect(after.devices).toBe(before.devices);
      const unused = await running.hq.db
        .selectFrom('enrollment_codes')
        .select('used_at')
        .where('used_at', 'is', null)
        .execute();
      expect(unused.length).toBeGreaterThan(0);
    }
  });

  it('makes its own keys once, even when two processes start at once', async () => {
    const place = await freshPlace(storage);
    const one = await openHqDatabase(place);
    const two = await openHqDatabase(place);
    try {
      const [a, b] = await Promise.all([loadHqKeys(one), loadHqKeys(two)]);
      expect(a.signing.publicKey).toBe(b.signing.publicKey);
      expect(a.encryption.publicKey).toBe(b.encryption.publicKey);
      expect(a.signing.keyId).not.toBe(a.encryption.keyId);
      expect(a.signing.privateKey.extractable).toBe(false);
      expect(a.encryption.privateKey.extractable).toBe(false);
      expect((await loadHqKeys(one)).signing.publicKey).toBe(a.signing.publicKey);
    } finally {
      await one.close();
      await two.close();
      await place.drop();
    }
  });
});
