import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppErrorData } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import { enrollResponseSchema } from '@shared/sync/protocol';
import { addOffice, createEnrollmentCode } from '../../../hq/src/store/offices';
import { adminToken, hqStorages, postJson, startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { connect, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';
import { send } from './malformedKit';
import { failureOf } from '../../../hq/src/http/logging';

/**
 * HQ's request log, captured from the real server: one JSON line per request with who,
 * which route (its pattern), status, time and a sync request's numbers; error answers
 * and their lines share an errorId. Real ops carrying names and ID numbers go through,
 * and neither those nor the token, the enrollment code or any header reach the log.
 */

interface Line {
  level: number;
  time: string;
  msg: string;
  method: string;
  route: string | null;
  status: number;
  ms: number;
  bytes: number;
  device?: string;
  office?: string;
  push?: Record<string, number>;
  pull?: { limit: number | null };
  errorId?: string;
  error?: string;
  fields?: string[];
  err?: { type: string; message: string; stack: string };
}

describe.each(hqStorages)('the request log over $kind', (storage) => {
  let hq: RunningHq;
  let desk: SyncDesk;
  const written: string[] = [];
  const lines = () => written.map((text) => JSON.parse(text) as Line);
  const requestLines = () => lines().filter((l) => l.route !== undefined);
  let secrets: string[] = [];
  let queued = 0;
  /** A secret as it would appear in a line: as is, or with non-ASCII as \u escapes. */
  const appearsIn = (text: string, secret: string) =>
    text.includes(secret) ||
    text.includes(
      secret.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );

  beforeAll(async () => {
    hq = await startHq({
      storage,
      server: { log: { level: 'info', stream: { write: (line) => void written.push(line) } } },
    });
    desk = await openOfficeDesk('office-a', 'a1');
    await addOffice(hq.hq.db, { id: 'office-a', name: '城关镇民政办' }, new Date());
    const code = await createEnrollmentCode(hq.hq.db, 'office-a', new Date());
    const enrolled = await postJson(`${hq.url}${hqRoutes.enroll}`, {
      code,
      deviceId: desk.deviceId,
      officeId: 'office-a',
      deviceName: '窗口 1',
      publicKeys: null,
    });
    const credential = enrollResponseSchema.parse(enrolled.body);
    const { token } = credential;
    await connect(desk, credential, hq.url);
    const family = await registerFamily(desk);
    const people = family.members.map((m) => m.person);
    secrets = [
      token,
      token.slice(token.indexOf('.') + 1),
      code,
      adminToken,
      ...people.flatMap((p) => [p.name, p.idNumber]),
      family.household.address,
    ];
    expect(people.map((p) => p.name)).toEqual(['张三丰', '李秀英']);
    queued = await desk.db.queue.count();
    await sync(desk);
  });
  afterAll(async () => {
    await hq?.stop();
  });

  it('writes one JSON line per request: who, the route pattern, status, time, op counts, page size', async () => {
    const all = requestLines();
    const enroll = all.find((l) => l.route === hqRoutes.enroll);
    expect(enroll).toMatchObject({
      method: 'POST',
      status: 200,
      device: desk.deviceId,
      office: 'office-a',
    });
    const push = all.find((l) => l.route === hqRoutes.push);
    expect(push).toMatchObject({
      status: 200,
      device: desk.deviceId,
      office: 'office-a',
      push: { ops: queued, applied: queued, conflict: 0, rejected: 0, deferred: 0 },
    });
    const pull = all.find((l) => l.route === hqRoutes.pull);
    expect(pull).toMatchObject({ status: 200, device: desk.deviceId, office: 'office-a' });
    expect(pull?.pull?.limit).toBeGreaterThan(0);
    for (const line of all) {
      expect(line.level).toBe(30);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line.ms).toBeGreaterThanOrEqual(0);
      expect(line.bytes).toBeGreaterThan(0);
      expect(line.errorId).toBeUndefined();
    }
    // Besides the request lines, only Fastify's own line on listening.
    const others = lines().filter((l) => l.route === undefined);
    expect(others.map((l) => l.msg)).toEqual([expect.stringMatching(/^Server listening at /)]);
  });

  it('names the admin and the route pattern, never the path with its ids', async () => {
    const response = await fetch(`${hq.url}/v1/admin/offices/office-a/devices`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(response.status).toBe(200);
    const line = requestLines().at(-1);
    expect(line).toMatchObject({
      method: 'GET',
      route: '/v1/admin/offices/:officeId/devices',
      status: 200,
      device: 'admin',
    });
  });

  it('gives each error answer an errorId, and its line the same id and the rule broken', async () => {
    const [template] = await desk.db.queue.toArray();
    expect(template).toBeUndefined(); // the queue drained; make a bad op by hand
    const bad = await send(
      `${hq.url}${hqRoutes.push}`,
      JSON.stringify({ ops: [{ kind: 'spaceship', fields: { name: '张三丰' } }] }),
      { authorization: `Bearer ${desk.token ?? ''}` },
    );
    expect(bad.status).toBe(400);
    expect(isAppErrorData(bad.body)).toBe(true);
    const { errorId } = bad.body as { errorId: string };
    expect(errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(requestLines().at(-1)).toMatchObject({
      route: hqRoutes.push,
      status: 400,
      device: desk.deviceId,
      errorId,
      error: 'validation',
    });
    expect(requestLines().at(-1)?.fields?.length).toBeGreaterThan(0);
    expect(
      requestLines()
        .at(-1)
        ?.fields?.every((code) => code.startsWith('field.')),
    ).toBe(true);
    expect(requestLines().at(-1)?.err).toBeUndefined();

    const unknown = await fetch(`${hq.url}/v1/people/110101194001010015`);
    const body = (await unknown.json()) as { code: string; errorId: string };
    expect(unknown.status).toBe(404);
    expect(body.code).toBe('not_found');
    expect(requestLines().at(-1)).toMatchObject({
      route: null,
      status: 404,
      errorId: body.errorId,
    });
    expect(written.at(-1)).not.toContain('110101194001010015');

    const stranger = await send(`${hq.url}${hqRoutes.pull}`, '{}', {
      authorization: `Bearer ${desk.token ?? ''}x`,
    });
    expect(stranger.status).toBe(401);
    expect(requestLines().at(-1)).toMatchObject({
      status: 401,
      errorId: (stranger.body as { errorId: string }).errorId,
      error: 'unauthenticated',
    });
    expect(requestLines().at(-1)?.device).toBeUndefined();
  });

  it('keeps no name, ID number, address, token, enrollment code or header in any line', () => {
    expect(secrets.every((s) => s.length >= 3)).toBe(true);
    const text = written.join('');
    for (const secret of secrets) expect(appearsIn(text, secret), secret.slice(0, 4)).toBe(false);
    expect(text).not.toMatch(/authorization|bearer|user-agent|content-type|"headers"|"body"/i);
  });

  it('logs a 5xx at error level with its errorId and stack; the answer shows neither', async () => {
    // A database that lost a table: HQ's own failure, not the request's.
    await sql`drop table applied_ops`.execute(hq.hq.db);
    const more = await registerFamily(desk);
    secrets.push(...more.members.map((m) => m.person.idNumber));
    const ops = await desk.store.pendingOps(100);
    const failed = await send(`${hq.url}${hqRoutes.push}`, JSON.stringify({ ops }), {
      authorization: `Bearer ${desk.token ?? ''}`,
    });
    expect(failed.status).toBe(500);
    const answer = failed.body as { code: string; errorId: string; message: string };
    expect(answer.code).toBe('internal');
    expect(failed.text).not.toMatch(/applied_ops|at .+:\d+:\d+/);
    const line = requestLines().at(-1);
    expect(line).toMatchObject({
      level: 50,
      route: hqRoutes.push,
      status: 500,
      errorId: answer.errorId,
      error: 'internal',
    });
    expect(line?.err?.stack).toMatch(/applied_ops[\s\S]*\n\s+at /);
    const text = written.join('');
    for (const secret of secrets) expect(appearsIn(text, secret)).toBe(false);
  });
});

describe('an unexpected error in the log', () => {
  it('keeps its kind, code and stack, but no run of six or more digits from the data', () => {
    const quoted = Object.assign(
      new Error(
        'Key (id_number)=(33010219600504013X) already exists; phone 13800138000, 138-0013-8000; account 6222 0212 3456 7890',
      ),
      { code: '23505' },
    );
    const kept = failureOf(quoted) as {
      type: string;
      code: string;
      message: string;
      stack: string;
    };
    expect(kept).toMatchObject({ type: 'Error', code: '23505' });
    const text = JSON.stringify(kept);
    expect(text).not.toMatch(/330102|13800138000|0013|3456/);
    expect(kept.message).toBe('Key (id_number)=(#…) already exists; phone #…, #…; account #…');
    // What debugging needs is kept: dates, times, counts, a stack's line numbers.
    const plain = 'at 2026-12-07T10:20:30Z: ops 100 200 (applyPage.ts:1234:56)';
    expect(failureOf(new Error(plain))).toMatchObject({ message: plain });
    expect(kept.stack).toMatch(/^Error: Key \(id_number\)=\(#…\)[\s\S]*\n\s+at /);
  });
});
