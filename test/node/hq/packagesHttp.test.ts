import { afterEach, describe, expect, it } from 'vitest';
import { isAppErrorData } from '@shared/errors/appError';
import { loadHqKeys, type HqKeys } from '../../../hq/src/store/hqKeys';
import { adminToken, hqStorages, startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { allCounts, keyedDesk, openFromHq, sealForHq } from './packageKit';

/**
 * Sync packages over the county's admin API: the package's bytes in, the return file's
 * bytes out with its name and what the import did in headers; refusals in the one
 * error shape.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function post(
  path: string,
  body: Uint8Array<ArrayBuffer> | null,
  headers: Record<string, string> = { authorization: `Bearer ${adminToken}` },
) {
  const response = await fetch(`${running?.url}/v1/admin${path}`, {
    method: 'POST',
    headers: body ? { 'content-type': 'application/octet-stream', ...headers } : headers,
    ...(body ? { body } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown)
    : null;
  return { status: response.status, headers: response.headers, bytes, json };
}

/** The name a download is saved under (RFC 5987 `filename*`). */
function downloadName(headers: Headers): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(headers.get('content-disposition') ?? '');
  return decodeURIComponent(match?.[1] ?? '');
}

describe.each(hqStorages)('package routes over $kind', (storage) => {
  it('imports a package and answers with the return file', async () => {
    running = await startHq({ storage });
    const hqKeys: HqKeys = await loadHqKeys(running.hq);
    const a1 = await keyedDesk(running.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 3);
    const ops = await a1.desk.store.pendingOps(500);
    const bytes = await sealForHq(a1, hqKeys, ops);

    const answer = await post('/packages/import?by=县民政局', bytes);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/octet-stream');
    expect(downloadName(answer.headers)).toMatch(/^民政同步包_office-a_下发_.*_1\.mzpkg$/);
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="[ -~]+";/);
    const summary = JSON.parse(decodeURIComponent(answer.headers.get('x-package-summary') ?? ''));
    expect(summary).toMatchObject({
      officeId: 'office-a',
      deviceId: a1.desk.deviceId,
      ops: { total: ops.length, applied: ops.length },
      returnFile: { fileName: downloadName(answer.headers), results: ops.length },
    });
    const back = await openFromHq(new Uint8Array(answer.bytes), a1, hqKeys);
    expect(back.manifest.createdBy).toBe('县民政局');
    expect(back.payload.results.map((r) => r.status)).toEqual(ops.map(() => 'applied'));

    // The same file again: the one error shape, 409, nothing applied.
    const before = await allCounts(running.hq);
    const again = await post('/packages/import', bytes);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      code: 'duplicate',
      fieldErrors: [{ path: 'package', code: 'package.duplicate' }],
    });
    expect(await allCounts(running.hq)).toEqual(before);

    const damaged = bytes.slice();
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff;
    const refused = await post('/packages/import', damaged);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ fieldErrors: [{ code: 'package.payload_damaged' }] });
  });

  it('writes a package for an office', async () => {
    running = await startHq({ storage });
    const hqKeys = await loadHqKeys(running.hq);
    const a1 = await keyedDesk(running.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 2);
    const bytes = await sealForHq(a1, hqKeys, await a1.desk.store.pendingOps(500));
    expect((await post('/packages/import', bytes)).status).toBe(200);

    const answer = await post('/offices/office-a/package', null);
    expect(answer.status).toBe(200);
    expect(downloadName(answer.headers)).toMatch(/^民政同步包_office-a_下发_.*_2\.mzpkg$/);
    const opened = await openFromHq(new Uint8Array(answer.bytes), a1, hqKeys);
    expect(opened.payload.results).toEqual([]);
    // The setup's 3 accounts and settings, and the 2 persons.
    expect(opened.payload.changes.filter((c) => c.stream === 'office')).toHaveLength(6);
    expect(JSON.parse(decodeURIComponent(answer.headers.get('x-package-summary') ?? ''))).toEqual({
      answers: null,
      results: 0,
      // The county's two standards (reference), and the office's own six.
      changes: 8,
      counts: { benefitStandard: 2, person: 2, officeSettings: 1, staffMember: 3 },
    });

    const unknown = await post('/offices/nowhere/package', null);
    expect(unknown.status).toBe(404);
    expect(isAppErrorData(unknown.json)).toBe(true);
  });

  it('refuses both routes without the admin token, and a body that is not a file', async () => {
    running = await startHq({ storage });
    const before = await allCounts(running.hq);
    const refusedHeaders: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }];
    for (const headers of refusedHeaders) {
      const imported = await post('/packages/import', new Uint8Array([1, 2, 3]), headers);
      expect(imported.status).toBe(401);
      expect(imported.json).toMatchObject({ code: 'unauthenticated' });
      const exported = await post('/offices/office-a/package', null, headers);
      expect(exported.status).toBe(401);
      expect(isAppErrorData(exported.json)).toBe(true);
    }
    const asJson = await fetch(`${running.url}/v1/admin/packages/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"ops": []}',
    });
    expect(asJson.status).toBe(400);
    expect(isAppErrorData(await asJson.json())).toBe(true);
    const notOurs = await post('/packages/import', new Uint8Array(Buffer.from('hello')));
    expect(notOurs.status).toBe(400);
    expect(notOurs.json).toMatchObject({ fieldErrors: [{ code: 'package.not_a_package' }] });
    expect(await allCounts(running.hq)).toEqual(before);
  });
});
