import { describe, expect, it } from 'vitest';
import { toAppErrorData } from '@shared/errors/appError';
import { recordService } from '../../../renderer/src/db/repositories/community/services';
import { openTestDesk, queuedAfterSetup } from '../../fakes/deskFixtures';

/**
 * A failed save names every problem at once: the rules between fields (an end before its
 * start) as well as the format problems (a missing place), so an error summary lists all
 * of them and the user does not fix one only to be told of the next. Nothing is written.
 */
const service = {
  type: 'home_visit' as const,
  startAt: '2026-03-01T15:00',
  endAt: '2026-03-01T14:00',
  place: '',
  served: [],
  staffNames: ['赵管理'],
  volunteers: [],
  notes: '',
  attachments: [],
};

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    return toAppErrorData(error);
  }
  throw new Error('expected a refusal');
}

describe('the write path reports every problem of a record at once', () => {
  it('a missing place and an end before the start, in one refusal; nothing written', async () => {
    const { db, ctx } = await openTestDesk();
    const error = await refusal(recordService(db, ctx, service));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.map((e) => e.path).sort()).toEqual(['endAt', 'place']);
    expect(await db.table('communityServices').count()).toBe(0);
    expect(await queuedAfterSetup(db)).toEqual([]);
  });

  it('a field the schema refused keeps its one message (no rule speaks over it)', async () => {
    const { db, ctx } = await openTestDesk();
    const error = await refusal(recordService(db, ctx, { ...service, endAt: 'not a time' }));
    const endAt = error.fieldErrors?.filter((e) => e.path === 'endAt') ?? [];
    expect(endAt).toHaveLength(1);
    expect(error.fieldErrors?.some((e) => e.path === 'place')).toBe(true);
  });

  it('a valid record is still saved as before', async () => {
    const { db, ctx } = await openTestDesk();
    const saved = await recordService(db, ctx, {
      ...service,
      endAt: '2026-03-01T16:00',
      place: '东村议事厅',
    });
    expect(saved.durationMinutes).toBe(60);
  });
});
