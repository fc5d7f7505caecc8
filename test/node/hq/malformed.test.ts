import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqRoutes, maxRequestBytes } from '@shared/sync/httpApi';
import { healthResponseSchema, maxPushOps } from '@shared/sync/protocol';
import { newRecordId } from '@shared/records/ids';
import { queueEntrySchema, type QueueEntry } from '@shared/sync/queueEntry';
import { maxJsonDepth } from '../../../hq/src/http/jsonDepth';
import { adminToken, hqRowCounts, hqStorages, type RunningHq } from '../../support/hqHarness';
import { expectRefusal, fieldPaths, openMalformedHq, send } from './malformedKit';

/**
 * Whatever arrives, HQ answers 4xx with the one AppErrorData shape (naming the field
 * where there is one), changes nothing, and keeps answering /health. Ops that are
 * well-formed but odd: unapplicableOps.test.ts.
 */
describe.each(hqStorages)('malformed input over $kind', (storage) => {
  let hq: RunningHq;
  let template: QueueEntry;
  let deviceToken: string;
  let before: Record<string, number>;
  let url: (route: string) => string;
  let asDevice: () => Record<string, string>;
  let asAdmin: Record<string, string>;
  beforeAll(async () => {
    ({ hq, template, deviceToken, before, url, asDevice, asAdmin } =
      await openMalformedHq(storage));
  });
  afterAll(async () => {
    await hq?.stop();
  });

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
        // One op too many, each small enough that the body stays under the byte limit.
        body: { ops: Array.from({ length: maxPushOps + 1 }, () => ({ ...template, fields: {} })) },
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

  it(`refuses JSON nested deeper than ${maxJsonDepth} levels with a 400 naming the rule`, async () => {
    const tooDeep = (answer: Awaited<ReturnType<typeof send>>, context: string) => {
      const error = expectRefusal(answer, context);
      expect(answer.status, context).toBe(400);
      expect(error.fieldErrors, context).toEqual([
        { path: '', code: 'request.too_deep', params: { max: maxJsonDepth } },
      ]);
    };
    const headersFor = (route: string) =>
      route === hqRoutes.enroll ? {} : route.startsWith('/v1/admin') ? asAdmin : asDevice();
    // A hundred thousand arrays inside each other: was a stack overflow, a 500.
    const deepArrays = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const route of [hqRoutes.push, hqRoutes.pull, hqRoutes.enroll, '/v1/admin/standards']) {
      tooDeep(await send(url(route), deepArrays, headersFor(route)), `100,000 deep on ${route}`);
    }
    // Deep inside an op's fields: a conflict keeps any value (z.unknown), and storing a
    // value 100,000 deep overflowed JSON.stringify's stack, a 500.
    const conflict = {
      ...template,
      kind: 'syncConflict',
      recordId: newRecordId(),
      fields: {
        recordKind: 'person',
        recordId: template.recordId,
        field: 'name',
        type: 'field',
        keptValue: 'DEEP',
        otherValue: '张三丰',
        keptBy: { userId: 'u1', name: '王五', deviceId: 'd1', hlc: template.hlc },
        otherBy: { userId: 'u2', name: '李四', deviceId: 'd2', hlc: template.hlc },
        status: 'open',
        resolution: null,
        note: '',
      },
    };
    const deepValue = '{"inner":'.repeat(100_000) + '"张三丰"' + '}'.repeat(100_000);
    tooDeep(
      await send(
        url(hqRoutes.push),
        JSON.stringify({ ops: [conflict] }).replace('"DEEP"', deepValue),
        asDevice(),
      ),
      "deep object in an op's fields",
    );
    // The bound itself: 64 levels are read (and refused for their shape), 65 are not.
    const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const atBound = await send(url(hqRoutes.push), arrays(maxJsonDepth), asDevice());
    expect(expectRefusal(atBound, 'at the bound').fieldErrors?.[0]?.code).not.toBe(
      'request.too_deep',
    );
    tooDeep(await send(url(hqRoutes.push), arrays(maxJsonDepth + 1), asDevice()), 'one past');
    // Brackets and escaped quotes inside strings are text, not depth.
    const bracketsInText = {
      ops: [
        { ...template, seq: 0, fields: { ...template.fields, note: `\\"${'[{'.repeat(5000)}` } },
      ],
    };
    const inText = await send(url(hqRoutes.push), JSON.stringify(bracketsInText), asDevice());
    expect(fieldPaths(expectRefusal(inText, 'brackets in a string'))).toEqual(['ops.0.seq']);
    expect(await hqRowCounts(hq.hq)).toEqual(before);
    expect((await fetch(url(hqRoutes.health))).status).toBe(200);
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
});
