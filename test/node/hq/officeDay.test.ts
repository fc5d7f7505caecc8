import { afterEach, describe, expect, it } from 'vitest';
import { hqRoutes } from '@shared/sync/httpApi';
import { pushResponseSchema } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { write } from '../../../renderer/src/db/writePath';
import { postJson, startHq, type RunningHq } from '../../support/hqHarness';
import { uniquePerson } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * "Not in the future" at HQ is judged on China's date, whatever zone the server runs
 * in: at 07:30 in Beijing (23:30 UTC the day before) a record dated today is accepted,
 * one dated tomorrow is refused naming the field and the rule.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe("HQ's today", () => {
  it("is the offices' (China's) date, not the UTC date", async () => {
    const instant = new Date('2026-12-04T23:30:00Z'); // 2026-12-05 07:30 in Beijing
    hq = await startHq({ server: { now: () => instant } });
    const desk = await openOfficeDesk('office-a', 'a1', new Date('2026-12-04T12:00:00Z'));
    await enroll(desk, hq);
    expect(await sync(desk)).toMatchObject({ rejected: 0 });

    // A person whose birth date is not taken from a resident ID (typed dates stand).
    const person = { ...uniquePerson('玛丽'), idType: 'other' as const, idNumber: 'P1234567' };
    await write(desk.db, desk.ctx, (w) =>
      w.create('person', { ...person, birthDate: '2026-12-01' }),
    );
    const [entry] = (await desk.db.queue.toArray()).filter((e) => e.kind === 'person');
    if (!entry) throw new Error('no queued person');
    const dated = (birthDate: string, seq: number): QueueEntry => ({
      ...entry,
      seq,
      opId: `${entry.opId.slice(0, -4)}${seq.toString().padStart(4, '0')}`,
      fields: { ...entry.fields, birthDate },
    });

    const push = async (op: QueueEntry) => {
      const answer = await postJson(`${hq?.url}${hqRoutes.push}`, { ops: [op] }, desk.token ?? '');
      expect(answer.status).toBe(200);
      return pushResponseSchema.parse(answer.body).results[0];
    };
    const tomorrow = await push(dated('2026-12-06', entry.seq));
    expect(tomorrow).toMatchObject({
      status: 'rejected',
      reason: {
        fieldErrors: [
          { path: 'birthDate', code: 'date.in_future', params: { today: '2026-12-05' } },
        ],
      },
    });
    const today = await push(dated('2026-12-05', entry.seq + 1));
    expect(today?.status).toBe('applied');
  });
});
