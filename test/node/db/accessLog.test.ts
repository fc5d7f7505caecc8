import { describe, expect, it } from 'vitest';
import { accessLogOf, logAccess } from '../../../renderer/src/db/repositories/accessLog';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, queuedAfterSetup } from '../../fakes/deskFixtures';

describe('access log', () => {
  it('records who viewed a full ID, masked, queued for HQ and never editable', async () => {
    const { db, ctx } = await openTestDesk();
    await logAccess(db, ctx, {
      action: 'view_full_id',
      subjectKind: 'person',
      subjectId: 'person-1',
      maskedSubject: '330102********0135',
    });
    const [entry] = await accessLogOf(db, 'person-1');
    expect(entry).toMatchObject({ action: 'view_full_id', createdBy: 'user-registrar' });
    expect(JSON.stringify(entry)).not.toMatch(/330102\d{8}0135/);
    expect((await queuedAfterSetup(db)).map((e) => e.kind)).toEqual(['accessLog']);
    await expect(
      write(db, ctx, (w) => w.update('accessLog', entry?.id ?? '', 1, { purpose: 'x' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
