import { afterEach, describe, expect, it } from 'vitest';
import { generatePackageKeys } from '@shared/package/keys';
import { requestNonce } from '@shared/sync/hqSignature';
import { hqRoutes } from '@shared/sync/httpApi';
import { enrollResponseSchema } from '@shared/sync/protocol';
import { write } from '../../../renderer/src/db/writePath';
import { listAudit } from '../../../hq/src/console/audit';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { hqStorages, postJson, pushAnswer, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { connect, enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { allCounts, keyedDesk, openFromHq, sealForHq } from './packageKit';

/**
 * 乡镇办 in the console on the real HQ (issue #14 item 4): a desk's last contact and its
 * own report, a forged op among the office's refusals, an enrollment code a desk enrolls
 * with, a revoked desk shut out, a package previewed (nothing written), imported with
 * its return file, a tampered or foreign package refused; viewers and reviewers read only.
 */
interface DeskBody {
  id: string;
  name: string;
  revoked: boolean;
  lastContactAt: string | null;
  lastContactVia: string | null;
  reportedQueued: number | null;
  reportedConflicts: number | null;
  lastPackageIn: string | null;
  lastPackageOut: string | null;
}
interface OfficeBody {
  id: string;
  name: string;
  refused: number;
  desks: DeskBody[];
}

let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

/** A package file sent as the console's page sends it: raw bytes, session and CSRF token. */
async function upload(client: ConsoleClient, path: string, bytes: Uint8Array<ArrayBuffer> | null) {
  const response = await fetch(`${client.baseUrl}/v1/console${path}`, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrfToken,
      ...(bytes ? { 'content-type': 'application/octet-stream' } : {}),
    },
    ...(bytes ? { body: bytes } : {}),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>)
    : null;
  const summary = response.headers.get('x-package-summary');
  return {
    status: response.status,
    bytes: body,
    json,
    summary: summary ? (JSON.parse(decodeURIComponent(summary)) as Record<string, unknown>) : null,
    fileName: response.headers.get('content-disposition') ?? '',
  };
}

async function signedIn(hq: RunningHq) {
  await consoleUser(hq, 'wang', 'admin');
  await consoleUser(hq, 'li', 'reviewer');
  await consoleUser(hq, 'zhao', 'viewer');
  const clients = {
    admin: new ConsoleClient(hq.url),
    reviewer: new ConsoleClient(hq.url),
    viewer: new ConsoleClient(hq.url),
  };
  expect((await clients.admin.login('wang')).status).toBe(200);
  expect((await clients.reviewer.login('li')).status).toBe(200);
  expect((await clients.viewer.login('zhao')).status).toBe(200);
  return clients;
}

describe.each(hqStorages)('offices in the console over $kind', (storage) => {
  it('shows contact, reports and refusals; enrolls with a code; revokes', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const { admin, reviewer, viewer } = await signedIn(hq);
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await createPersons(desk, 2);
    expect(await desk.db.queue.count()).toBeGreaterThan(0);
    await sync(desk);

    const offices = async (client = viewer) =>
      ((await client.call('GET', '/offices')).body.offices as OfficeBody[]).find(
        (o) => o.id === 'office-a',
      );
    // The desk's report is counted after its push: nothing left queued.
    expect((await offices())?.desks).toEqual([
      expect.objectContaining({
        id: desk.deviceId,
        revoked: false,
        lastContactVia: 'pull',
        reportedQueued: 0,
        reportedConflicts: 0,
      }),
    ]);
    expect((await offices())?.desks[0]?.lastContactAt).toEqual(expect.any(String));

    // What a desk says of itself is shown as said; out of range, the request is refused.
    const pull = (report: unknown) =>
      postJson(
        `${hq.url}${hqRoutes.pull}`,
        { cursor: { office: 0, reference: 0 }, limit: 1, nonce: requestNonce(), report },
        desk.token ?? undefined,
      );
    expect((await pull({ queued: 12, conflicts: 3 })).status).toBe(200);
    expect((await offices())?.desks[0]).toMatchObject({ reportedQueued: 12, reportedConflicts: 3 });
    for (const bad of [
      { queued: -1, conflicts: 0 },
      { queued: 1.5, conflicts: 0 },
    ]) {
      const refused = await pull(bad);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('report.queued');
    }
    const huge = await pull({ queued: 0, conflicts: 1e9 });
    expect(huge.status).toBe(400);
    expect((await offices())?.desks[0]).toMatchObject({ reportedQueued: 12, reportedConflicts: 3 });

    // A forged op pushed straight to HQ: refused, and listed with its code and field.
    const [person] = await createPersons(desk, 1);
    const [queued] = await desk.store.pendingOps(10);
    expect(queued?.recordId).toBe(person?.id);
    if (!queued || !desk.transport) throw new Error('no op');
    const forged = { ...queued, kind: 'benefitStandard' };
    const answer = pushAnswer(await desk.transport.push({ ops: [forged], nonce: requestNonce() }));
    expect(answer.results[0]?.status).toBe('rejected');
    expect((await offices())?.refused).toBe(1);
    const page = (await viewer.call('GET', '/offices/office-a')).body as {
      refusals: { opId: string; code: string; fieldErrors: { path: string; code: string }[] }[];
    };
    expect(page.refusals).toEqual([
      expect.objectContaining({
        opId: forged.opId,
        code: 'forbidden',
        fieldErrors: [expect.objectContaining({ path: 'kind', code: 'sync.kind_not_writable' })],
      }),
    ]);

    // Viewers and reviewers read but manage nothing; nothing of theirs is written.
    for (const client of [viewer, reviewer]) {
      expect((await client.call('POST', '/offices', { id: 'office-z', name: '某镇' })).status).toBe(
        403,
      );
      const code = await client.call('POST', '/offices/office-a/enrollment-codes', {});
      expect(code.status).toBe(403);
      expect((await client.call('POST', `/devices/${desk.deviceId}/revoke`, {})).status).toBe(403);
    }
    expect(await offices(admin)).toBeTruthy();
    expect((await admin.call('GET', '/offices')).body.offices).toHaveLength(1);

    // A new office, with an error next to the field for a bad code.
    const badCode = await admin.call('POST', '/offices', { id: 'bad code!', name: '某镇' });
    expect(badCode.status).toBe(400);
    expect(badCode.body).toMatchObject({ fieldErrors: [expect.objectContaining({ path: 'id' })] });
    expect((await admin.call('POST', '/offices', { id: 'office-b', name: '河西镇' })).status).toBe(
      200,
    );
    // An enrollment code, shown once, enrolls a desk of that office.
    const made = await admin.call('POST', '/offices/office-b/enrollment-codes', {});
    expect(made.status).toBe(200);
    const code = String(made.body.code);
    const deskB = await openOfficeDesk('office-b', 'b1');
    const enrolled = await postJson(`${hq.url}${hqRoutes.enroll}`, {
      code,
      deviceId: deskB.deviceId,
      officeId: 'office-b',
      deviceName: '河西镇一号机',
    });
    expect(enrolled.status).toBe(200);
    await connect(deskB, enrollResponseSchema.parse(enrolled.body), hq.url);
    await sync(deskB);
    const b = ((await admin.call('GET', '/offices')).body.offices as OfficeBody[]).find(
      (o) => o.id === 'office-b',
    );
    expect(b?.desks).toEqual([
      expect.objectContaining({ name: '河西镇一号机', lastContactVia: 'pull' }),
    ]);

    // Revoked: the desk's token opens nothing any more.
    expect((await admin.call('POST', `/devices/${deskB.deviceId}/revoke`, {})).status).toBe(200);
    await expect(sync(deskB)).rejects.toMatchObject({ code: 'unauthenticated' });
    const revoked = ((await admin.call('GET', '/offices')).body.offices as OfficeBody[]).find(
      (o) => o.id === 'office-b',
    );
    expect(revoked?.desks[0]?.revoked).toBe(true);

    const audit = await listAudit(hq.hq.db, 100);
    const line = (action: string, username: string) =>
      audit.find((a) => a.action === action && a.username === username)?.result;
    expect(line('office.add', 'wang')).toBe('ok');
    expect(line('office.enrollmentCode', 'wang')).toBe('ok');
    expect(line('device.revoke', 'wang')).toBe('ok');
    expect(line('office.add', 'zhao')).toBe('forbidden');
    expect(line('device.revoke', 'li')).toBe('forbidden');
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('shows the conflicts a desk holds open, as the desk reports them at its next sync', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const { viewer } = await signedIn(hq);
    const a1 = await openOfficeDesk('office-a', 'a1', new Date('2026-03-02T10:00:00+08:00'));
    const a2 = await openOfficeDesk('office-a', 'a2', new Date('2026-03-02T09:00:00+08:00'));
    await enroll(a1, hq);
    await enroll(a2, hq);
    const [person] = await createPersons(a1, 1);
    if (!person) throw new Error('no person');
    await sync(a1);
    await sync(a2);
    const setPhone = (desk: typeof a1, phone: string) =>
      write(desk.db, desk.ctx, (w) =>
        w.update('person', person.id, person.version, { phone }, { reason: '更正电话' }),
      );
    await setPhone(a1, '13900000001');
    await sync(a1);
    await setPhone(a2, '13900000002');
    expect((await sync(a2)).conflicts).toBe(1);
    // The round's report went out before the conflict came back; the next one carries it.
    await sync(a2);
    const office = ((await viewer.call('GET', '/offices')).body.offices as OfficeBody[])[0];
    const desk = office?.desks.find((d) => d.id === a2.deviceId);
    expect(desk).toMatchObject({ reportedQueued: 0, reportedConflicts: 1 });
  });

  it('previews a package (nothing written), imports it, returns the file; refuses tampering', async () => {
    const hq = await startHq({ storage });
    running = hq;
    const { admin, reviewer, viewer } = await signedIn(hq);
    const hqKeys = await loadHqKeys(hq.hq);
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 3);
    const ops = await a1.desk.store.pendingOps(500);
    const report = { queued: 0, conflicts: 2 };
    const bytes = await sealForHq(a1, hqKeys, ops, { manifest: { report } });

    const before = await allCounts(hq.hq);
    const preview = await upload(admin, '/packages/preview', bytes);
    expect(preview.status).toBe(200);
    expect(preview.json?.preview).toMatchObject({
      officeId: 'office-a',
      deviceId: a1.desk.deviceId,
      number: 1,
      createdBy: '王主任',
      ops: { total: ops.length, applied: ops.length, rejected: 0, counts: { person: 3 } },
    });
    expect(await allCounts(hq.hq)).toEqual(before);
    const contact = await hq.hq.db
      .selectFrom('devices')
      .select('last_contact_at')
      .where('id', '=', a1.desk.deviceId)
      .executeTakeFirstOrThrow();
    expect(contact.last_contact_at).toBeNull();

    // Viewers and reviewers may neither preview nor import nor export.
    for (const client of [viewer, reviewer]) {
      expect((await upload(client, '/packages/preview', bytes)).status).toBe(403);
      expect((await upload(client, '/packages/import', bytes)).status).toBe(403);
      expect((await upload(client, '/offices/office-a/package', null)).status).toBe(403);
    }
    expect(await allCounts(hq.hq)).toEqual(before);

    // Tampered, or signed by a key HQ does not know: refused, nothing written.
    const damaged = bytes.slice();
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff;
    const foreign = await sealForHq(a1, hqKeys, ops, { signer: await generatePackageKeys() });
    for (const [file, refusal] of [
      [damaged, 'package.payload_damaged'],
      [foreign, 'package.unknown_signer'],
      [new Uint8Array(Buffer.from('not a package')), 'package.not_a_package'],
    ] as const) {
      for (const path of ['/packages/preview', '/packages/import']) {
        const refused = await upload(admin, path, file);
        expect(refused.status, `${path} ${refusal}`).toBeGreaterThanOrEqual(400);
        expect(refused.json).toMatchObject({ fieldErrors: [{ path: 'package', code: refusal }] });
      }
    }
    expect(await allCounts(hq.hq)).toEqual(before);

    // Imported: the return file comes back, the desk's contact is the package.
    const imported = await upload(admin, '/packages/import', bytes);
    expect(imported.status).toBe(200);
    expect(imported.fileName).toMatch(/^attachment;/);
    expect(imported.summary).toMatchObject({ ops: { total: ops.length, applied: ops.length } });
    const back = await openFromHq(new Uint8Array(imported.bytes), a1, hqKeys);
    expect(back.manifest.createdBy).toBe('wang 同志（wang）');
    expect(back.payload.results.map((r) => r.status)).toEqual(ops.map(() => 'applied'));
    const again = await upload(admin, '/packages/preview', bytes);
    expect(again.json).toMatchObject({ fieldErrors: [{ code: 'package.duplicate' }] });

    // An export for the office: a download, then both packages on the office's page.
    const exported = await upload(admin, '/offices/office-a/package', null);
    expect(exported.status).toBe(200);
    expect(exported.summary).toMatchObject({ answers: null });
    const page = (await viewer.call('GET', '/offices/office-a')).body as {
      office: OfficeBody;
      packages: { direction: string }[];
    };
    expect(page.office.desks[0]).toMatchObject({
      lastContactVia: 'package',
      reportedQueued: 0,
      reportedConflicts: 2,
    });
    expect(page.office.desks[0]?.lastPackageIn).toEqual(expect.any(String));
    expect(page.office.desks[0]?.lastPackageOut).toEqual(expect.any(String));
    expect(page.packages.map((p) => p.direction).sort()).toEqual(['in', 'out', 'out']);
    const audit = await listAudit(hq.hq.db, 100);
    expect(audit.filter((a) => a.action === 'package.import').map((a) => a.result)).toContain('ok');
    expect(audit.some((a) => a.action === 'package.preview' && a.result === 'forbidden')).toBe(
      true,
    );
  });
});
