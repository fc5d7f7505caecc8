import { describe, expect, it } from 'vitest';
import {
  correctService,
  listServices,
  recordService,
  servicesOfPerson,
} from '../../../renderer/src/db/repositories/community/services';
import {
  correctVolunteer,
  listVolunteers,
  registerVolunteer,
  volunteerOfPerson,
} from '../../../renderer/src/db/repositories/community/volunteers';
import { recordTable } from '../../../renderer/src/db/database';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { openTestDesk } from '../../fakes/deskFixtures';
import { aVolunteer, otherPerson, registerPerson } from './communityFixtures';
import { revisionOf } from '../../support/revisions';

const fields = { volunteerNumber: 'ZJ-2', skills: [], joinedOn: '2026-01-01', notes: '' };

describe('volunteers', () => {
  it('are registered persons, found by name, pinyin initials or number', async () => {
    const { db, ctx } = await openTestDesk();
    const { person, volunteer } = await aVolunteer(db, ctx);
    expect(volunteer).toMatchObject({ personId: person.id, name: '陈志愿' });
    // One spelling of the number whatever was typed.
    expect(volunteer.volunteerNumber).toBe('ZJ-330102-0001');
    expect((await volunteerOfPerson(db, person.id))?.id).toBe(volunteer.id);
    for (const query of ['陈', 'czy', 'zj-330102']) {
      expect(
        (await listVolunteers(db, query)).map((v) => v.id),
        query,
      ).toEqual([volunteer.id]);
    }
  });

  it('refuses someone who is not a registered person', async () => {
    const { db, ctx } = await openTestDesk();
    await expect(registerVolunteer(db, ctx, 'no-such-person', fields)).rejects.toMatchObject({
      fieldErrors: [{ path: 'personId', code: 'community.person_missing' }],
    });
    expect((await db.queue.toArray()).filter((e) => e.kind === 'volunteer')).toEqual([]);
  });

  it('refuses a second volunteer for the same person and a number already held', async () => {
    const { db, ctx } = await openTestDesk();
    const { person } = await aVolunteer(db, ctx);
    await expect(registerVolunteer(db, ctx, person.id, fields)).rejects.toMatchObject({
      code: 'duplicate',
      fieldErrors: [{ path: 'personId', code: 'community.already_volunteer' }],
    });
    const other = await registerPerson(db, ctx, otherPerson);
    const sameNumber = { ...fields, volunteerNumber: 'ZJ-330102-0001' };
    await expect(registerVolunteer(db, ctx, other.id, sameNumber)).rejects.toMatchObject({
      code: 'duplicate',
      fieldErrors: [{ path: 'volunteerNumber', code: 'community.volunteer_number_taken' }],
    });
  });

  it('keeps the previous version when the volunteer facts are corrected', async () => {
    const { db, ctx } = await openTestDesk();
    const { volunteer } = await aVolunteer(db, ctx);
    const fixed = await correctVolunteer(
      db,
      ctx,
      volunteer.id,
      1,
      { ...fields, volunteerNumber: 'ZJ-330102-0009', skills: ['助老'] },
      '编号录错',
    );
    expect(fixed.version).toBe(2);
    const kept = await revisionOf(db, 'volunteer', volunteer.id, 1);
    expect(kept).toMatchObject({
      reason: '编号录错',
      record: { volunteerNumber: 'ZJ-330102-0001' },
    });
  });

  it('keeps every superseded state when a pull laid a version number it had kept before', async () => {
    const { db, ctx } = await openTestDesk();
    const { volunteer } = await aVolunteer(db, ctx);
    const v2 = await correctVolunteer(db, ctx, volunteer.id, 1, { ...fields }, '第一次更正');
    // HQ's own numbering comes back lower while a change is still queued (a pull's
    // overlay): the record is version 1 again, with HQ's clock stamp.
    const hqState = { ...v2, version: 1, hlc: `${v2.hlc.slice(0, -1)}z`, notes: 'HQ' };
    await recordTable(db, 'volunteer').put(hqState);
    await correctVolunteer(db, ctx, volunteer.id, 1, { ...fields, notes: '' }, '第二次更正');
    const rows = await db.revisions
      .where('[kind+recordId]')
      .equals(['volunteer', volunteer.id])
      .toArray();
    expect(rows.map((r) => [r.version, r.reason]).sort()).toEqual([
      [1, '第一次更正'],
      [1, '第二次更正'],
    ]);
    const history = await recordHistory(db, 'volunteer', volunteer.id);
    expect(history.map((v) => v.reason)).toEqual([null, '第一次更正', '第二次更正']);
  });
});

describe('community service records', () => {
  const meeting = (served: { id: string; name: string }[]) => ({
    type: 'consultation' as const,
    startAt: '2026-03-01T14:00',
    endAt: '2026-03-01T15:30',
    place: '解放社区议事厅',
    served,
    staffNames: ['王登记'],
    volunteers: [],
    notes: '',
    attachments: ['议事记录.pdf'],
  });

  it('derive the duration and are found by period, type and person served', async () => {
    const { db, ctx } = await openTestDesk();
    const person = await registerPerson(db, ctx);
    const record = await recordService(db, ctx, meeting([{ id: person.id, name: person.name }]));
    expect(record).toMatchObject({ durationMinutes: 90, servedPersonIds: [person.id] });
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(await listServices(db, { ...march, type: 'consultation' })).toHaveLength(1);
    expect(await listServices(db, { ...march, type: 'home_visit' })).toHaveLength(0);
    expect(await listServices(db, { from: '2026-03-02', to: '2026-03-31' })).toHaveLength(0);
    expect((await servicesOfPerson(db, person.id)).map((r) => r.id)).toEqual([record.id]);
  });

  it('refuse a served person who is not registered, and a path as an attachment name', async () => {
    const { db, ctx } = await openTestDesk();
    await expect(
      recordService(db, ctx, meeting([{ id: 'ghost', name: '无名' }])),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'served', code: 'community.person_missing' }],
    });
    await expect(
      recordService(db, ctx, { ...meeting([]), attachments: ['C:\\材料\\a.pdf'] }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'attachments.0', code: 'community.attachment_name' }],
    });
  });

  it('are corrected with a reason, the superseded version kept', async () => {
    const { db, ctx } = await openTestDesk();
    const record = await recordService(db, ctx, meeting([]));
    const fixed = await correctService(
      db,
      ctx,
      record.id,
      1,
      { ...meeting([]), endAt: '2026-03-01T16:00' },
      '会议延长',
    );
    expect(fixed).toMatchObject({ version: 2, durationMinutes: 120 });
    expect(await revisionOf(db, 'communityService', record.id, 1)).toMatchObject({
      reason: '会议延长',
      record: { durationMinutes: 90 },
    });
    await expect(correctService(db, ctx, record.id, 2, meeting([]), '')).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason' }],
    });
  });
});
