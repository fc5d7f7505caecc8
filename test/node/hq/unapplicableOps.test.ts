import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorData } from '@shared/errors/appError';
import { kindDefinitions, recordKinds, type RecordKind } from '@shared/records/kinds';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { newRecordId } from '@shared/records/ids';
import { hqRowCounts, hqStorages, type RunningHq } from '../../support/hqHarness';
import { expectRefusal, fieldPaths, openMalformedHq, send, type RawDevice } from './malformedKit';

/**
 * Ops that pass the schemas but can never apply, or carry arbitrary ids and values:
 * HQ refuses them one by one (by op id, with the reason) without blocking the rest,
 * never answers 5xx, and pulls past the end of any stream. Malformed bodies:
 * malformed.test.ts.
 */
describe.each(hqStorages)('well-formed but odd ops over $kind', (storage) => {
  let hq: RunningHq;
  let template: QueueEntry;
  let raw: RawDevice;
  let before: Record<string, number>;
  let url: (route: string) => string;
  let asDevice: () => Record<string, string>;
  let asAdmin: Record<string, string>;
  beforeAll(async () => {
    ({ hq, template, raw, before, url, asDevice, asAdmin } = await openMalformedHq(storage));
  });
  afterAll(async () => {
    await hq?.stop();
  });

  it('rejects well-formed ops HQ can never apply by op id, without blocking the ops after them', async () => {
    const next = (over: Partial<QueueEntry>): QueueEntry => {
      raw.seq += 1;
      return {
        ...template,
        deviceId: raw.deviceId,
        actor: raw.actor,
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
          return {
            ...template,
            actor: raw.actor,
            ...d,
            opId,
            deviceId: raw.deviceId,
            seq: raw.seq,
          } as QueueEntry;
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
        actor: raw.actor,
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
