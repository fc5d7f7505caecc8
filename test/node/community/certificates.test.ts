import { describe, expect, it } from 'vitest';
import {
  getCertificate,
  issueCertificate,
  previewCertificate,
} from '../../../renderer/src/db/repositories/community/certificates';
import {
  correctVolunteerService,
  recordVolunteerService,
} from '../../../renderer/src/db/repositories/community/volunteerServices';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk } from '../../fakes/deskFixtures';
import { aVolunteer, morningService, volunteerIdNumber } from './communityFixtures';

async function deskWithHours() {
  const desk = await openTestDesk();
  const { volunteer } = await aVolunteer(desk.db, desk.ctx);
  const first = await recordVolunteerService(desk.db, desk.ctx, volunteer.id, morningService);
  // 45 minutes on the next day, and one record from last year outside the period.
  await recordVolunteerService(desk.db, desk.ctx, volunteer.id, {
    ...morningService,
    content: '社区环境整治',
    startAt: '2026-03-02T07:00',
    endAt: '2026-03-02T07:45',
    travelMinutes: 0,
  });
  await recordVolunteerService(desk.db, desk.ctx, volunteer.id, {
    ...morningService,
    startAt: '2025-12-30T09:00',
    endAt: '2025-12-30T10:00',
    travelMinutes: 0,
  });
  return { ...desk, volunteer, first };
}

const period = { from: '2026-01-01', to: '2026-03-02' };
const masked = `330102********${volunteerIdNumber.slice(14)}`;

describe('volunteer certificates', () => {
  it('state the masked ID, the period total and the office, handler and contact', async () => {
    const { db, ctx, volunteer } = await deskWithHours();
    const issued = await issueCertificate(db, ctx, {
      volunteerId: volunteer.id,
      period,
      contact: '0571-88880000',
    });
    expect(issued).toMatchObject({
      name: '陈志愿',
      idType: 'resident',
      maskedIdNumber: masked,
      volunteerNumber: 'ZJ-330102-0001',
      totalMinutes: 165,
      issuer: '城关镇民政办',
      handler: { userId: ctx.actor.userId, name: '王登记' },
      contact: '0571-88880000',
      issuedOn: '2026-03-02',
    });
    expect(issued.certificateNumber).toMatch(/^ZYFW20260302-[0-9A-F]{6}$/);
    expect(issued.lines.map((l) => l.content)).toEqual(['陪同老人就医', '社区环境整治']);
    // The full ID number is nowhere in the certificate or in what is queued for HQ.
    const entry = await db.queue.where('recordId').equals(issued.id).first();
    expect(entry).toMatchObject({ kind: 'volunteerCertificate', op: 'create' });
    expect(JSON.stringify(entry)).not.toContain(volunteerIdNumber);
    expect(JSON.stringify(issued)).not.toContain(volunteerIdNumber);
  });

  it('keeps what was issued when a counted record is corrected later', async () => {
    const { db, ctx, volunteer, first } = await deskWithHours();
    const issued = await issueCertificate(db, ctx, {
      volunteerId: volunteer.id,
      period,
      contact: 'x',
    });
    await correctVolunteerService(
      db,
      ctx,
      first.id,
      1,
      { ...morningService, travelMinutes: 0 },
      '无路程',
    );
    expect((await getCertificate(db, issued.id))?.totalMinutes).toBe(165);
    const preview = await previewCertificate(
      db,
      ctx,
      { volunteerId: volunteer.id, period, contact: 'x' },
      '2026-03-02',
    );
    expect(preview.totalMinutes).toBe(195);
    expect(preview.lines[0]).toMatchObject({ serviceId: first.id, version: 2 });
  });

  it('refuses a period without service and is never edited afterwards', async () => {
    const { db, ctx, volunteer } = await deskWithHours();
    const empty = issueCertificate(db, ctx, {
      volunteerId: volunteer.id,
      period: { from: '2026-01-01', to: '2026-01-31' },
      contact: 'x',
    });
    await expect(empty).rejects.toMatchObject({
      fieldErrors: [{ path: 'periodFrom', code: 'community.no_service_in_period' }],
    });
    const issued = await issueCertificate(db, ctx, {
      volunteerId: volunteer.id,
      period,
      contact: 'x',
    });
    const edit = write(db, ctx, (w) =>
      w.update('volunteerCertificate', issued.id, 1, { totalMinutes: 999 }, { reason: '改' }),
    );
    await expect(edit).rejects.toMatchObject({ code: 'forbidden' });
  });
});
