import { afterEach, describe, expect, it } from 'vitest';
import { pushBodyBudget, withinPushBudget } from '@shared/sync/pushBudget';
import type { SyncTransport } from '@shared/sync/ports';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { write } from '../../../renderer/src/db/writePath';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { uniquePerson } from '../../support/officeWork';
import { enroll, openOfficeDesk, differencesFromHq, sync } from '../../support/syncDesks';

/**
 * The engine cuts a push batch by its JSON's size as well as by count, so a backlog of
 * large ops never makes a body HQ refuses (413), and it keeps a local transaction in
 * one batch as the store does. Over the real HQ on loopback.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const op = (seq: number, txId: string, size: number): QueueEntry => ({
  seq,
  opId: `op-${seq}`,
  txId,
  deviceId: 'd',
  officeId: 'o',
  kind: 'person',
  recordId: `r-${seq}`,
  op: 'create',
  fields: { note: '字'.repeat(size) },
  baseVersion: 0,
  transition: null,
  reason: null,
  hlc: 'h',
  actor: { userId: 'u', name: 'n', role: 'registrar' },
  createdAt: '',
});
const bodyBytes = (ops: QueueEntry[]) => Buffer.byteLength(JSON.stringify({ ops }), 'utf8');

describe('push batch byte budget', () => {
  it('cuts after a whole transaction, splits only one that alone is over', () => {
    // 3 bytes per 字: each op's body share is a little over 3,000 bytes.
    const ops = [op(1, 'a', 1000), op(2, 'b', 1000), op(3, 'b', 1000), op(4, 'c', 1000)];
    const budget = bodyBytes(ops.slice(0, 3)) + 10;
    expect(withinPushBudget(ops, budget).map((o) => o.seq)).toEqual([1, 2, 3]);
    // The budget ends inside transaction b: b goes next time, whole.
    expect(withinPushBudget(ops, budget - 100).map((o) => o.seq)).toEqual([1]);
    // Transaction b alone is over the budget: split, never stuck.
    expect(withinPushBudget(ops.slice(1), bodyBytes([ops[1] as QueueEntry])).length).toBe(1);
    // One op over the budget still goes (HQ answers it, whatever it is).
    expect(withinPushBudget(ops, 10).map((o) => o.seq)).toEqual([1]);
    // A count cap cuts after a whole transaction too.
    expect(withinPushBudget(ops, budget * 10, 2).map((o) => o.seq)).toEqual([1]);
    expect(withinPushBudget(ops, budget * 10).length).toBe(4);
    expect(bodyBytes(withinPushBudget(ops, budget))).toBeLessThanOrEqual(budget);
  });

  it('pushes a backlog larger than one body in several, each within the budget', async () => {
    hq = await startHq();
    const desk = await openOfficeDesk('office-a', 'a1');
    await enroll(desk, hq);
    // About 2 KB of JSON per person (long Chinese addresses): 2,400 persons ≈ 5 MB queued,
    // in transactions of 200.
    const long = '东村三组'.repeat(50);
    for (let t = 0; t < 12; t++) {
      await write(desk.db, desk.ctx, async (w) => {
        for (let i = 0; i < 200; i++) {
          await w.create('person', {
            ...uniquePerson('王五'),
            hukouAddress: long,
            currentAddress: long,
            illnessNote: long,
          });
        }
      });
    }
    const queued = await desk.db.queue.orderBy('seq').toArray();
    expect(bodyBytes(queued)).toBeGreaterThan(pushBodyBudget * 1.3);

    const transport = desk.transport as SyncTransport;
    const batches: QueueEntry[][] = [];
    const watching: SyncTransport = {
      push: (request) => {
        batches.push(request.ops);
        return transport.push(request);
      },
      pull: transport.pull,
    };
    const report = await sync(desk, { transport: watching });
    expect(report).toMatchObject({ pushed: queued.length, rejected: 0, conflicts: 0 });
    expect(batches.length).toBeGreaterThan(1);
    for (const [i, batch] of batches.entries()) {
      expect(bodyBytes(batch)).toBeLessThanOrEqual(pushBodyBudget);
      const next = batches[i + 1]?.[0];
      if (next) expect(next.txId).not.toBe(batch.at(-1)?.txId);
    }
    // Every op sent once, in seq order, and nothing left queued.
    expect(batches.flat().map((o) => o.seq)).toEqual(queued.map((o) => o.seq));
    expect(await desk.db.queue.count()).toBe(0);
    expect(await differencesFromHq(hq, desk)).toEqual([]);
  }, 120_000);
});
