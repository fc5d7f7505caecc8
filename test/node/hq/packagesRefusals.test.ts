import { afterEach, describe, expect, it } from 'vitest';
import { generatePackageKeys } from '@shared/package/keys';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys, type HqKeys } from '../../../hq/src/store/hqKeys';
import { hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { allCounts, keyedDesk, refusalFrom, sealForHq } from './packageKit';

/**
 * Every way a package is refused at HQ, each with its own reason, and none of them
 * leaving a trace: records, change log, stored results and packages stay as they were.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function setUp(storage: (typeof hqStorages)[number]) {
  running = await startHq({ storage });
  const hq = running.hq;
  const hqKeys: HqKeys = await loadHqKeys(hq);
  const a1 = await keyedDesk(hq, 'office-a', 'a1');
  await createPersons(a1.desk, 3);
  const ops = await a1.desk.store.pendingOps(500);
  const refused = async (bytes: Uint8Array<ArrayBuffer>) => {
    const before = await allCounts(hq);
    const reason = await refusalFrom(importDevicePackage(hq.db, hqKeys, bytes, new Date()));
    expect(await allCounts(hq), `after ${reason}`).toEqual(before);
    return reason;
  };
  return { hq, hqKeys, a1, ops, refused };
}

/** The offset of a manifest field's value inside the signed header. */
function fieldAt(bytes: Uint8Array, text: string): number {
  const at = Buffer.from(bytes).indexOf(text, 0, 'latin1');
  expect(at).toBeGreaterThan(0);
  return at + text.length;
}

describe.each(hqStorages)('refused packages over $kind', (storage) => {
  it('refuses damaged, cut, forged and altered files', async () => {
    const { hqKeys, a1, ops, refused } = await setUp(storage);
    const bytes = await sealForHq(a1, hqKeys, ops);

    const flipped = bytes.slice();
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 0x01;
    expect(await refused(flipped)).toBe('package.payload_damaged');
    expect(await refused(bytes.slice(0, bytes.length - 7))).toBe('package.truncated');
    expect(await refused(bytes.slice(0, 8))).toBe('package.truncated');
    expect(await refused(new Uint8Array(Buffer.from('PK\u0003\u0004 not ours')))).toBe(
      'package.not_a_package',
    );

    // Signed by a key HQ never registered for that desk.
    const stranger = await generatePackageKeys();
    expect(await refused(await sealForHq(a1, hqKeys, ops, { signer: stranger }))).toBe(
      'package.unknown_signer',
    );

    // The manifest altered after signing (its package number).
    const altered = bytes.slice();
    altered[fieldAt(bytes, '\\"number\\":')] = '7'.charCodeAt(0);
    expect(await refused(altered)).toBe('package.bad_signature');
  });

  it('refuses packages from unknown, revoked or keyless desks, and for another HQ', async () => {
    const { hq, hqKeys, a1, ops, refused } = await setUp(storage);
    const forOtherOffice = await sealForHq(a1, hqKeys, ops, {
      manifest: { sender: { kind: 'device', officeId: 'office-b', deviceId: a1.desk.deviceId } },
    });
    expect(await refused(forOtherOffice)).toBe('package.unknown_signer');
    const otherHq = { ...hqKeys, signing: { ...hqKeys.signing, keyId: 'f'.repeat(32) } };
    expect(await refused(await sealForHq(a1, otherHq, ops))).toBe('package.wrong_receiver');
    expect(
      await refused(await sealForHq(a1, hqKeys, ops, { manifest: { direction: 'toOffice' } })),
    ).toBe('package.wrong_direction');

    const bytes = await sealForHq(a1, hqKeys, ops);
    await hq.db
      .updateTable('devices')
      .set({ revoked: 1 })
      .where('id', '=', a1.desk.deviceId)
      .execute();
    expect(await refused(bytes)).toBe('package.unknown_signer');
  });

  it("refuses ops of another desk or of another office's records", async () => {
    const { hq, hqKeys, a1, ops, refused } = await setUp(storage);
    const a2 = await keyedDesk(hq, 'office-a', 'a2');
    const b1 = await keyedDesk(hq, 'office-b', 'b1');
    const [first] = ops as [QueueEntry];
    const asOther = { ...first, deviceId: a2.desk.deviceId };
    expect(await refused(await sealForHq(a1, hqKeys, [asOther]))).toBe('package.foreign_content');
    const otherOffice = { ...first, officeId: 'office-b' };
    expect(await refused(await sealForHq(a1, hqKeys, [otherOffice]))).toBe(
      'package.foreign_content',
    );

    // A record office B holds, written by office A's desk.
    await createPersons(b1.desk, 1);
    const bOps = await b1.desk.store.pendingOps(500);
    await importDevicePackage(hq.db, hqKeys, await sealForHq(b1, hqKeys, bOps), new Date());
    const bRecord = bOps.find((op) => op.kind === 'person') as QueueEntry;
    const takeover: QueueEntry = {
      ...bRecord,
      deviceId: a1.desk.deviceId,
      officeId: 'office-a',
      seq: 1,
      opId: `${bRecord.opId}-a`,
    };
    expect(await refused(await sealForHq(a1, hqKeys, [takeover]))).toBe('package.foreign_content');
  });

  it('refuses an older package after a newer one, and a package after a gap', async () => {
    const { hq, hqKeys, a1, ops, refused } = await setUp(storage);
    const first = await sealForHq(a1, hqKeys, ops.slice(0, 2), { number: 1 });
    const second = await sealForHq(a1, hqKeys, ops, { number: 2 });
    await importDevicePackage(hq.db, hqKeys, second, new Date());
    expect(await refused(first)).toBe('package.replay');

    // Ops 8–9 never reached HQ (1–7 are the setup and 3 persons): a package starting at
    // 10 leaves a gap.
    await createPersons(a1.desk, 4);
    const later = (await a1.desk.store.pendingOps(500)).filter((op) => op.seq > 9);
    expect(later[0]?.seq).toBe(10);
    const gap = await sealForHq(a1, hqKeys, later, { number: 3 });
    let message = '';
    try {
      await importDevicePackage(hq.db, hqKeys, gap, new Date());
    } catch (error) {
      message = (error as Error).message;
      expect(error).toMatchObject({
        fieldErrors: [{ path: 'package', code: 'package.gap', params: { from: 8, to: 9 } }],
      });
    }
    expect(message).toContain('8–9');
    expect(await refused(gap)).toBe('package.gap');
  });
});
