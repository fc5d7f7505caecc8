import { describe, expect, it } from 'vitest';
import { buildCalendar } from '@shared/calendar/workingDays';
import { buildApprovalForm } from '@shared/papers/approvalForm';
import { buildAuthorisation } from '@shared/papers/authorisation';
import { buildNoticeList } from '@shared/papers/noticeList';
import { createDibaoCase, transitionCase } from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { logPaperOutput } from '../../../renderer/src/db/repositories/papers/paperLog';
import {
  casePaperRecords,
  noticeRecords,
} from '../../../renderer/src/db/repositories/papers/paperRecords';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  openTestDesk,
  personInput,
  queuedAfterSetup,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';

/**
 * The papers from a real desk store (Dexie on fake-indexeddb): a case taken to 公示 by
 * its steps, read back the way the paper screens read it, and the print logged.
 */
async function caseOnNotice(headName: string) {
  const desk = await openTestDesk(new Date('2026-03-02T09:00:00+08:00'));
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const household = threeMemberHousehold('rural');
  household.members[0] = { relation: 'self', person: personInput({ name: headName }) };
  const { household: saved, members } = await registerHousehold(desk.db, desk.ctx, household);
  const ids = members.map((m) => m.person.id);
  let record = await createDibaoCase(desk.db, desk.ctx, {
    householdId: saved.id,
    applicantPersonId: saved.headPersonId,
    applicantName: saved.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ids,
    income: { wagesFen: 50_000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
  const steps: [string, 'registrar' | 'supervisor', string?][] = [
    ['submit', 'registrar'],
    ['accept', 'registrar'],
    ['start_investigation', 'registrar'],
    ['record_opinion', 'supervisor', '入户调查属实，同意公示。'],
    ['start_notice', 'supervisor'],
  ];
  for (const [action, role, opinion] of steps) {
    record = await transitionCase(desk.db, desk.as(role), record.id, record.version, {
      action,
      ...(opinion ? { opinion } : {}),
    });
  }
  return { ...desk, record };
}

describe('papers from the desk’s store', () => {
  it('builds the 审批表 and the authorisations from the case, its steps and its people', async () => {
    const { db, record } = await caseOnNotice('张三丰');
    const records = await casePaperRecords(db, record.id);
    if (!records) throw new Error('case not found');
    const form = buildApprovalForm(records);
    expect(form.steps.map((s) => s.action)).toEqual([
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'start_notice',
    ]);
    expect(form.townshipOpinion?.opinion).toBe('入户调查属实，同意公示。');
    expect(form.members.map((m) => m.name)).toEqual(['张三丰', '李秀英', '张小明']);
    // 3 × the sample rural standard − 500 yuan, as the case saved it.
    expect(form.benefit.benefitFen).toBe(record.benefit.benefitFen);
    const auth = buildAuthorisation({ ...records, today: '2026-03-02' });
    expect(auth.pages.map((p) => p.name)).toEqual(['张三丰', '李秀英']);
    expect(auth.minors).toEqual(['张小明']);
  });

  it('lists the case on its village’s 公示 with the head’s phone-laden name scrubbed', async () => {
    const { db, record } = await caseOnNotice('张三丰13812345678');
    const data = await noticeRecords(db, buildCalendar([]));
    const end = record.noticeEnd ?? '';
    expect(end >= '2026-03-02').toBe(true);
    const paper = buildNoticeList({
      request: { village: '东村', from: '2026-03-02', to: end, objectionContact: '城关镇民政办' },
      officeName: data.officeName,
      cases: data.cases,
      households: data.households,
      persons: data.persons,
    });
    expect(paper.rows).toHaveLength(1);
    expect(paper.rows[0]).toMatchObject({ headName: '张三丰***********', coveredCount: 3 });
    expect(JSON.stringify(paper)).not.toContain('13812345678');
  });

  it('logs one masked access entry per case printed, queued for HQ, before the paper', async () => {
    const { db, as, record } = await caseOnNotice('张三丰');
    const before = (await queuedAfterSetup(db)).length;
    await logPaperOutput(db, as('supervisor'), {
      action: 'print',
      paper: 'noticeList',
      subjects: [{ caseId: record.id, maskedId: '330102********0135' }],
      note: '东村 2026-03-02~2026-03-11',
    });
    const entries = await db.accessLog.where('subjectId').equals(record.id).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'print',
      subjectKind: 'assistanceCase',
      maskedSubject: '330102********0135',
      purpose: 'paper:noticeList 东村 2026-03-02~2026-03-11',
    });
    expect((await queuedAfterSetup(db)).length).toBe(before + 1);
  });
});
