import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { kindDefinitions, recordKinds, type RecordKind } from '@shared/records/kinds';
import { hqRoutes, maxRequestBytes } from '@shared/sync/httpApi';
import { healthResponseSchema, pushResponseSchema } from '@shared/sync/protocol';
import { queueEntrySchema, type QueueEntry } from '@shared/sync/queueEntry';
import { newRecordId } from '@shared/records/ids';
import {
  adminToken,
  enrollDesk,
  hqRowCounts,
  hqStorages,
  startHq,
  type RunningHq,
} from '../../support/hqHarness';
import { createPersons, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * Whatever arrives, HQ answers 4xx with the one AppErrorData shape (naming the field
 * where there is one), changes nothing, and keeps answering /health.
 */

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

async function send(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: parseOr(text), text };
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A 4xx whose body is AppErrorData, without a stack trace or an SQL message in it. */
function expectRefusal(answer: Answer, context: string): AppErrorData {
  expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(isAppErrorData(answer.body), `${context}: ${answer.text.slice(0, 300)}`).toBe(true);
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|SQLITE|syntax error|relation "/i);
  return answer.body as AppErrorData;
}

const fieldPaths = (error: AppErrorData) => (error.fieldErrors ?? []).map((f) => f.path);

describe.each(hqStorages)('malformed input over $kind', (storage) => {
  let hq: RunningHq;
  let desk: SyncDesk;
  let template: QueueEntry;
  let deviceToken: string;
  let before: Record<string, number>;
  const raw = { token: '', deviceId: `raw-device-${newRecordId()}`, seq: 0 };

  beforeAll(async () => {
    hq = await startHq({ storage });
    desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    await registerFamily(desk);
    await sync(desk);
    // One op left queued: the template the malformed pushes are made from.
    await createPersons(desk, 1);
    const [queued] = await desk.db.queue.toArray();
    if (!queued) throw new Error('no queued op');
    template = queued;
    deviceToken = desk.token ?? '';
    raw.token = (await enrollDesk(hq, 'office-a', raw.deviceId)).token;
    before = await hqRowCounts(hq.hq);
  });

  afterAll(async () => {
    await hq?.stop();
  });

  const url = (route: string) => `${hq.url}${route}`;
  const asDevice = () => ({ authorization: `Bearer ${deviceToken}` });
  const asAdmin = { authorization: `Bearer ${adminToken}` };

  it('answers any JSON body on every route with a 4xx AppErrorData and changes nothing', async () => {
    const routes: { path: () => string; headers: () => Record<string, string> }[] = [
      { path: () => url(hqRoutes.push), headers: asDevice },
      { path: () => url(hqRoutes.pull), headers: asDevice },
      { path: () => url(hqRoutes.enroll), headers: () => ({}) },
      { path: () => url('/v1/admin/standards'), headers: () => asAdmin },
      { path: () => url('/v1/admin/calendars'), headers: () => asAdmin },
      { path: () => url(`/v1/admin/cases/${template.recordId}/decision`), headers: () => asAdmin },
    ];
    // Text that is JSON, and text that is not quite.
    const bodies = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).slice(0, -1)),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), bodies, async (route, body) => {
        const answer = await send(route.path(), body, route.headers());
        expectRefusal(answer, `${route.path()} ${body.slice(0, 80)}`);
      }),
      { numRuns: 150 },
    );
    expect(await hqRowCounts(hq.hq)).toEqual(before);
  });

  it('refuses a push op with a wrong-typed field, naming ops.<i>.<field>', async () => {
    const wrong = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
    );
    const fields = Object.keys(queueEntrySchema.shape) as (keyof QueueEntry)[];
    const mutated = fc
      .record({ field: fc.constantFrom(...fields), value: wrong, at: fc.nat({ max: 2 }) })
      .filter(({ field, value }) => {
        // As it arrives: JSON turns NaN and ±Infinity into null, which a nullable field takes.
        const op: unknown = JSON.parse(JSON.stringify({ ...template, [field]: value }));
        return !queueEntrySchema.safeParse(op).success;
      });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ field, value, at }) => {
        const ops: unknown[] = [template, template, template].map((op, i) => ({
          ...op,
          seq: op.seq + i,
          opId: `${op.opId}-${i}`,
        }));
        ops[at] = { ...(ops[at] as QueueEntry), [field]: value };
        const answer = await send(url(hqRoutes.push), JSON.stringify({ ops }), asDevice());
        const error = expectRefusal(answer, `${field}=${JSON.stringify(value)}`);
        expect(answer.status).toBe(400);
        expect(error.code).toBe('validation');
        expect(fieldPaths(error).some((p) => p.startsWith(`ops.${at}.${field}`))).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect(await hqRowCounts(hq.hq)).toEqual(before);
  });

  it('refuses unknown kinds, wrong shapes and out-of-range numbers, naming the field', async () => {
    const cases: { route: string; body: unknown; status: number; path?: string }[] = [
      {
        route: hqRoutes.push,
        body: { ops: [{ ...template, kind: 'spaceship' }] },
        status: 400,
        path: 'ops.0.kind',
      },
      {
        route: hqRoutes.push,
        body: { ops: [{ ...template, op: 'upsert' }] },
        status: 400,
        path: 'ops.0.op',
      },
      {
        route: hqRoutes.push,
        body: { ops: [{ ...template, seq: '1' }] },
        status: 400,
        path: 'ops.0.seq',
      },
      {
        route: hqRoutes.push,
        body: { ops: [{ ...template, seq: 0 }] },
        status: 400,
        path: 'ops.0.seq',
      },
      {
        route: hqRoutes.push,
        body: { ops: [{ ...template, fields: [] }] },
        status: 400,
        path: 'ops.0.fields',
      },
      { route: hqRoutes.push, body: { ops: [] }, status: 400, path: 'ops' },
      { route: hqRoutes.push, body: { ops: template }, status: 400, path: 'ops' },
      {
        route: hqRoutes.push,
        body: { ops: Array.from({ length: 501 }, () => template) },
        status: 400,
        path: 'ops',
      },
      { route: hqRoutes.push, body: [], status: 400 },
      {
        route: hqRoutes.pull,
        body: { cursor: { office: '0', reference: 0 }, limit: 10 },
        status: 400,
        path: 'cursor.office',
      },
      {
        route: hqRoutes.pull,
        body: { cursor: { office: -1, reference: 0 }, limit: 10 },
        status: 400,
        path: 'cursor.office',
      },
      {
        route: hqRoutes.pull,
        body: { cursor: { office: 0, reference: 0.5 }, limit: 10 },
        status: 400,
        path: 'cursor.reference',
      },
      {
        route: hqRoutes.pull,
        body: { cursor: { office: 0, reference: 0 }, limit: 0 },
        status: 400,
        path: 'limit',
      },
      {
        route: hqRoutes.pull,
        body: { cursor: { office: 0, reference: 0 }, limit: 100000 },
        status: 400,
        path: 'limit',
      },
      { route: hqRoutes.pull, body: { limit: 10 }, status: 400, path: 'cursor' },
      {
        route: hqRoutes.enroll,
        body: { code: 12, deviceId: 'x', officeId: '', deviceName: '', publicKey: 1 },
        status: 400,
        path: 'code',
      },
    ];
    for (const c of cases) {
      const headers = c.route === hqRoutes.enroll ? {} : asDevice();
      const answer = await send(url(c.route), JSON.stringify(c.body), headers);
      const error = expectRefusal(answer, `${c.route} ${JSON.stringify(c.body).slice(0, 120)}`);
      expect(answer.status, JSON.stringify(c.body).slice(0, 120)).toBe(c.status);
      if (c.path) expect(fieldPaths(error), JSON.stringify(c.body).slice(0, 120)).toContain(c.path);
    }
    expect(await hqRowCounts(hq.hq)).toEqual(before);
  });

  it('refuses oversized payloads (> 4 MiB), non-JSON and broken JSON before reading them', async () => {
    const big = JSON.stringify({
      ops: [{ ...template, fields: { note: 'x'.repeat(maxRequestBytes + 1024) } }],
    });
    expect(big.length).toBeGreaterThan(maxRequestBytes);
    for (const route of [hqRoutes.push, hqRoutes.enroll, '/v1/admin/standards']) {
      const headers =
        route === hqRoutes.push ? asDevice() : route === hqRoutes.enroll ? {} : asAdmin;
      const answer = await send(url(route), big, headers);
      expect(answer.status).toBe(413);
      expectRefusal(answer, `oversized ${route}`);
    }
    expectRefusal(await send(url(hqRoutes.push), '{"ops": [', asDevice()), 'broken JSON');
    const plain = await send(url(hqRoutes.push), 'ops=1', {
      ...asDevice(),
      'content-type': 'text/plain',
    });
    expectRefusal(plain, 'text/plain');
    expect(await hqRowCounts(hq.hq)).toEqual(before);
    expect(
      healthResponseSchema.parse(await (await fetch(url(hqRoutes.health))).json()),
    ).toMatchObject({ status: 'ok', storage: storage.kind });
  });

  it('refuses bad tokens and admin calls without the admin token with 401', async () => {
    const push = JSON.stringify({ ops: [template] });
    for (const authorization of [
      '',
      'Bearer',
      'Bearer ',
      `Basic ${deviceToken}`,
      `bearer ${deviceToken}`,
      `Bearer ${deviceToken}x`,
      `Bearer ${'a'.repeat(2000)}.${'b'.repeat(2000)}`,
      `Bearer ${adminToken}`,
    ]) {
      const answer = await send(url(hqRoutes.push), push, authorization ? { authorization } : {});
      expect(answer.status, authorization.slice(0, 40)).toBe(401);
      expectRefusal(answer, authorization.slice(0, 40));
    }
    for (const authorization of ['', `Bearer ${deviceToken}`, `Bearer ${adminToken}x`]) {
      const answer = await send(url('/v1/admin/offices'), JSON.stringify({ id: 'x', name: 'y' }), {
        authorization,
      });
      expect(answer.status).toBe(401);
      expectRefusal(answer, `admin ${authorization.slice(0, 20)}`);
    }
    expect(await hqRowCounts(hq.hq)).toEqual(before);
  });

  it('rejects well-formed ops HQ can never apply by op id, without blocking the ops after them', async () => {
    const next = (over: Partial<QueueEntry>): QueueEntry => {
      raw.seq += 1;
      return {
        ...template,
        deviceId: raw.deviceId,
        seq: raw.seq,
        opId: newRecordId(),
        txId: newRecordId(),
        recordId: newRecordId(),
        ...over,
      };
    };
    const invalidPerson = next({
      fields: { ...template.fields, idNumber: '330102196005040000', sex: 'x' },
    });
    const referenceKind = next({ kind: 'benefitStandard', fields: { amountFen: 1 } });
    const illegalStep = next({
      kind: 'assistanceCase',
      op: 'transition',
      transition: { action: 'start_payment', from: 'draft', to: 'active' },
      fields: { status: 'active' },
      baseVersion: 1,
    });
    const missing = next({ op: 'update', baseVersion: 3, fields: { phone: '1' } });
    const good = next({});
    const response = await send(
      url(hqRoutes.push),
      JSON.stringify({ ops: [invalidPerson, referenceKind, illegalStep, missing, good] }),
      { authorization: `Bearer ${raw.token}` },
    );
    expect(response.status).toBe(200);
    const results = pushResponseSchema.parse(response.body).results;
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : null));
    expect(reasons[0]).toMatchObject({ code: 'validation' });
    expect(fieldPaths(reasons[0] as AppErrorData)).toEqual(expect.arrayContaining(['sex']));
    expect(reasons[1]).toMatchObject({ code: 'forbidden' });
    expect(reasons[2]).toMatchObject({ code: 'invalid_transition' });
    expect(reasons[3]).toMatchObject({ code: 'not_found' });
    // Only the good op left a record; the refusals are remembered by op id. Two changes:
    // the good record, and the refused create sent back as absent so its desk drops it.
    const after = await hqRowCounts(hq.hq);
    expect(after.records).toBe((before.records ?? 0) + 1);
    expect(after.changes).toBe((before.changes ?? 0) + 2);
    expect(after.applied_ops).toBe((before.applied_ops ?? 0) + 5);
    before = after;
  });

  it('never answers 5xx to well-formed ops carrying arbitrary fields, ids and numbers', async () => {
    const kinds = recordKinds.filter((k) => kindDefinitions[k].scope === 'office');
    const id = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc.constant(template.recordId),
      fc.uuid(),
    );
    const op = fc.record({
      kind: fc.constantFrom(...kinds),
      op: fc.constantFrom('create', 'update', 'delete', 'transition'),
      recordId: id,
      opId: id,
      txId: id,
      fields: fc.dictionary(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.jsonValue({ maxDepth: 2 }),
        {
          maxKeys: 4,
        },
      ),
      baseVersion: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
      hlc: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      reason: fc.option(fc.string({ unit: 'binary', maxLength: 20 })),
      transition: fc.option(
        fc.record({
          action: fc.string({ minLength: 1, maxLength: 10 }),
          from: fc.string({ minLength: 1, maxLength: 10 }),
          to: fc.string({ minLength: 1, maxLength: 10 }),
        }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 3 }), async (drafts) => {
        const ops = drafts.map((d) => {
          raw.seq += 1;
          // Op ids stay unique (a desk makes them as UUIDv7); everything else is arbitrary.
          const opId = `${d.opId}-${raw.seq}`;
          return { ...template, ...d, opId, deviceId: raw.deviceId, seq: raw.seq } as QueueEntry;
        });
        const answer = await send(url(hqRoutes.push), JSON.stringify({ ops }), {
          authorization: `Bearer ${raw.token}`,
        });
        if (answer.status === 200) {
          const results = pushResponseSchema.parse(answer.body).results;
          for (const r of results) expect(r.status).not.toBe('deferred');
        } else {
          // Refused whole: an id another office holds, or a repeated op id.
          expectRefusal(answer, JSON.stringify(ops).slice(0, 200));
          raw.seq -= ops.length;
        }
      }),
      { numRuns: 100 },
    );
    // Whatever was applied is a valid record of its kind.
    for (const row of await hq.hq.db.selectFrom('records').selectAll().execute()) {
      const kind = row.kind as RecordKind;
      const parsed = kindDefinitions[kind].schema.safeParse(JSON.parse(row.data));
      expect(parsed.success, `${row.kind} ${row.id} ${row.data.slice(0, 200)}`).toBe(true);
    }
    const health = await fetch(url(hqRoutes.health));
    expect(health.status).toBe(200);
  });

  it('answers ids with control characters and lone surrogates without failing', async () => {
    for (const odd of ['a\u0000b', '\u0000', 'x\ud800y', '\udc00', 'é\u0007']) {
      raw.seq += 1;
      const op: QueueEntry = {
        ...template,
        deviceId: raw.deviceId,
        seq: raw.seq,
        opId: `${odd}-${raw.seq}`,
        recordId: odd,
        txId: odd,
      };
      const answer = await send(url(hqRoutes.push), JSON.stringify({ ops: [op] }), {
        authorization: `Bearer ${raw.token}`,
      });
      if (answer.status !== 200) {
        expectRefusal(answer, JSON.stringify(odd));
        raw.seq -= 1;
      }
      if (/[\ud800-\udfff]/.test(odd)) continue; // a lone surrogate has no URL form
      const decision = await send(
        url(`/v1/admin/cases/${encodeURIComponent(odd)}/decision`),
        JSON.stringify({ action: 'confirm', opinion: '同意', decidedBy: '县' }),
        asAdmin,
      );
      expect(decision.status, decision.text.slice(0, 200)).toBe(odd.includes('\u0000') ? 400 : 404);
      expectRefusal(decision, `decision ${JSON.stringify(odd)}`);
    }
  });

  it('pulls past the end of any stream without failing', async () => {
    for (const office of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const answer = await send(
        url(hqRoutes.pull),
        JSON.stringify({ cursor: { office, reference: office }, limit: 10 }),
        asDevice(),
      );
      expect(answer.status, answer.text.slice(0, 200)).toBe(200);
      expect(answer.body).toMatchObject({ changes: [], hasMore: false });
    }
  });
});
