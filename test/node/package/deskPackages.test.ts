import { describe, expect, it } from 'vitest';
import { readPackageBytes } from '@shared/package/fileFormat';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import type { PackageManifest } from '@shared/package/manifest';
import { decryptPackage, verifyPackage } from '@shared/package/open';
import { toHqPayloadSchema, type ToOfficePayload } from '@shared/package/payload';
import { refusalOf } from '@shared/package/refusals';
import { sealPackage } from '@shared/package/seal';
import type { ServerChange } from '@shared/sync/protocol';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { ensureDeviceKeys, pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage, previewPackage } from '../../../renderer/src/sync/packages/importPackage';
import { listPackageHistory } from '../../../renderer/src/sync/packages/packageHistory';
import { openTestDesk, testOfficeId, threeMemberHousehold } from '../../fakes/deskFixtures';

/**
 * The desk's side of sync packages against a stand-in HQ that has only keys: what the
 * desk exports opens with HQ's key, and what "HQ" seals for the office imports
 * through the desk's real apply path. The real HQ round trip is packageRoundTrip.test.ts.
 */
async function keyParty() {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  return {
    keys,
    publicKeys,
    signingId: await keyId(publicKeys.signing),
    encryptionId: await keyId(publicKeys.encryption),
  };
}

async function enrolledDesk() {
  const desk = await openTestDesk();
  const hq = await keyParty();
  const deskKeys = await ensureDeviceKeys(desk.db);
  await pinHqKeys(desk.db, hq.publicKeys);
  return { ...desk, hq, deskKeys, supervisor: desk.as('supervisor') };
}

type Desk = Awaited<ReturnType<typeof enrolledDesk>>;

/** A return package as HQ would seal it for this office. */
async function hqPackage(
  desk: Desk,
  payload: ToOfficePayload,
  overrides: Partial<PackageManifest> = {},
  signer = desk.hq,
) {
  const last = payload.changes.filter((c) => c.stream === 'office').at(-1)?.seq ?? 0;
  const manifest: Omit<PackageManifest, 'payload'> = {
    format: 'mzpkg',
    version: 1,
    packageId: `hq-${Math.random()}`,
    number: 1,
    direction: 'toOffice',
    sender: { kind: 'hq', keyId: desk.hq.signingId },
    receiver: { kind: 'office', officeId: testOfficeId },
    covers: { ops: null, office: { after: 0, upTo: last }, reference: { after: 0, upTo: 0 } },
    acknowledges: { cursor: null, device: desk.ctx.deviceId, ops: payload.results.length },
    counts: { household: payload.changes.length },
    dateRange: null,
    createdAt: '2026-03-05T02:00:00.000Z',
    createdBy: 'HQ',
    ...overrides,
  };
  const { bytes } = await sealPackage({
    manifest,
    payload,
    signer: { privateKey: signer.keys.signing.privateKey, keyId: signer.signingId },
    recipients: [
      { keyId: await keyId(desk.deskKeys.encryption), publicKey: desk.deskKeys.encryption },
    ],
  });
  return bytes;
}

function householdChange(seq: number, id: string, name: string): ServerChange {
  const now = '2026-03-04T02:00:00.000Z';
  return {
    stream: 'office',
    seq,
    kind: 'household',
    record: {
      id,
      officeId: testOfficeId,
      version: 1,
      hlc: `${now}:0000:hq`,
      deleted: false,
      createdAt: now,
      createdBy: 'hq',
      updatedAt: now,
      updatedBy: 'hq',
      headPersonId: 'p',
      headName: '张三丰',
      members: [{ personId: 'p', relation: 'self' }],
      areaCode: '330102',
      hukouType: 'urban',
      villageName: '',
      address: name,
      searchTokens: [],
    },
  };
}

async function refusalFrom(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return refusalOf(error) ?? (error as { code?: string }).code;
  }
  return 'applied';
}

async function snapshot(db: DeskDatabase) {
  return {
    queue: await db.queue.count(),
    households: await db.households.count(),
    cursor: await new DexieSyncStore(db).cursor(),
    packages: await db.table('packages').count(),
  };
}

describe('desk export', () => {
  it('seals every queued op for HQ, keeps them queued, and lists the package', async () => {
    const desk = await enrolledDesk();
    await registerHousehold(desk.db, desk.ctx, threeMemberHousehold('urban'));
    const queued = await desk.db.queue.orderBy('seq').toArray();
    const phases: string[] = [];
    const exported = await exportPackage(desk.db, desk.supervisor, (p) => phases.push(p.phase));

    expect(phases).toEqual(
      expect.arrayContaining(['reading', 'compressing', 'encrypting', 'done']),
    );
    expect(exported.fileName).toMatch(/^民政同步包_office-chengguan_上报_\d{8}-\d{4}_1\.mzpkg$/);
    expect(exported.summary.counts).toMatchObject({ household: 1, person: 3, officeSettings: 1 });
    const read = readPackageBytes(exported.bytes);
    await verifyPackage(read, desk.deskKeys.signing);
    const payload = await decryptPackage(
      read,
      { keyId: desk.hq.encryptionId, privateKey: desk.hq.keys.encryption.privateKey },
      toHqPayloadSchema,
    );
    expect(payload.ops.map((o) => o.opId)).toEqual(queued.map((o) => o.opId));
    expect(read.manifest.covers.ops).toEqual({ after: 0, upTo: queued.at(-1)?.seq });
    // The desk's report for the county console: the package carries the whole queue.
    expect(read.manifest.report).toEqual({ queued: 0, conflicts: 0 });
    expect(await desk.db.queue.count()).toBe(queued.length);
    const history = await listPackageHistory(desk.db);
    expect(history).toMatchObject([{ direction: 'exported', number: 1, acknowledged: false }]);

    const second = await exportPackage(desk.db, desk.supervisor);
    expect(second.manifest.number).toBe(2);
  });

  it('is for supervisors of an enrolled desk only', async () => {
    const desk = await enrolledDesk();
    expect(await refusalFrom(exportPackage(desk.db, desk.ctx))).toBe('forbidden');
    const fresh = await openTestDesk();
    expect(await refusalFrom(exportPackage(fresh.db, fresh.as('supervisor')))).toBe('unavailable');
  });
});

describe('desk import', () => {
  it('previews, then applies acknowledgements and changes in one go', async () => {
    const desk = await enrolledDesk();
    const [first] = await desk.db.queue.orderBy('seq').toArray();
    if (!first) throw new Error('setup queues the office settings');
    const bytes = await hqPackage(desk, {
      results: [{ opId: first.opId, seq: first.seq, status: 'applied', serverSeq: 1 }],
      changes: [householdChange(1, 'h-hq', '县里登记的户'), householdChange(2, 'h-hq2', '二')],
    });
    const before = await snapshot(desk.db);
    const preview = await previewPackage(desk.db, desk.supervisor, bytes);
    expect(preview.acknowledged).toEqual({ applied: 1, conflicts: 0, rejected: 0, stillQueued: 1 });
    expect(preview.changes).toEqual({ total: 2, new: 2, own: 0 });
    expect(await snapshot(desk.db)).toEqual(before);

    await importPackage(desk.db, desk.supervisor, bytes);
    expect(await desk.db.queue.count()).toBe(before.queue - 1);
    expect(await desk.db.households.get('h-hq')).toMatchObject({ address: '县里登记的户' });
    expect(await new DexieSyncStore(desk.db).cursor()).toEqual({ office: 2, reference: 0 });
    expect((await listPackageHistory(desk.db))[0]).toMatchObject({ direction: 'imported' });

    // The same file again: a no-op that says so.
    const after = await snapshot(desk.db);
    expect(await refusalFrom(importPackage(desk.db, desk.supervisor, bytes))).toBe(
      'package.duplicate',
    );
    expect(await snapshot(desk.db)).toEqual(after);
  });

  it('refuses damage, strangers, other offices, replays and gaps, applying nothing', async () => {
    const desk = await enrolledDesk();
    const sup = desk.supervisor;
    const empty = { results: [], changes: [] };
    const before = await snapshot(desk.db);
    const attempt = (bytes: Uint8Array<ArrayBuffer>) =>
      refusalFrom(importPackage(desk.db, sup, bytes));

    const good = await hqPackage(desk, { results: [], changes: [householdChange(1, 'h1', 'a')] });
    const flipped = good.slice();
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 0xff;
    expect(await attempt(flipped)).toBe('package.payload_damaged');
    expect(await attempt(good.slice(0, good.length - 1))).toBe('package.truncated');
    const stranger = await keyParty();
    expect(await attempt(await hqPackage(desk, empty, {}, stranger))).toBe(
      'package.unknown_signer',
    );
    expect(
      await attempt(await hqPackage(desk, empty, { receiver: { kind: 'office', officeId: 'x' } })),
    ).toBe('package.wrong_receiver');
    const own = await exportPackage(desk.db, sup);
    expect(await attempt(own.bytes)).toBe('package.wrong_direction');
    expect(
      await attempt(
        await hqPackage(
          desk,
          { results: [], changes: [householdChange(9, 'h9', 'later')] },
          { covers: { ops: null, office: { after: 8, upTo: 9 }, reference: null } },
        ),
      ),
    ).toBe('package.gap');
    expect(await snapshot(desk.db)).toEqual({ ...before, packages: 1 });

    // Number 2 applies; number 1 afterwards is a replay even though it is new here.
    const newer = await hqPackage(desk, empty, { number: 2 });
    await importPackage(desk.db, sup, newer);
    expect(await attempt(good)).toBe('package.replay');
  });
});
