import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { monthOf } from '@shared/calendar/dates';
import { createDibaoCase } from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  advanceRoll,
  drawMonthRoll,
  markUnpaid,
  rollsOfMonth,
} from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import {
  accountOfPerson,
  savePayeeAccount,
} from '../../../renderer/src/db/repositories/rolls/payeeAccounts';
import { exportRoll } from '../../../renderer/src/db/repositories/rolls/rollExport';
import { rollSheetColumns } from '../../../renderer/src/db/repositories/rolls/rollSheet';
import { uniquePerson } from '../../support/officeWork';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';
import { AppError, type AppErrorData } from '@shared/errors/appError';

/**
 * The desk's roll work on the real write path (Dexie on fake-indexeddb): accounts kept
 * as corrections, a roll drawn, its problem fixed and drawn again, checked, approved by
 * the supervisor with the hash shown, locked, exported with full IDs by the supervisor
 * only (logged), a line returned by the bank carried into next month.
 */
async function activeCaseOn(desk: SyncDesk, paymentFrom: string) {
  const family = await registerHousehold(desk.db, desk.ctx, {
    areaCode: '330102',
    hukouType: 'rural',
    villageName: '东村',
    address: '东村3组',
    members: [{ relation: 'self', person: { ...uniquePerson('张三丰'), sex: 'male' } }],
  });
  const head = family.members[0]?.person;
  if (!head) throw new Error('no head');
  const made = await createDibaoCase(desk.db, desk.ctx, {
    householdId: family.household.id,
    applicantPersonId: head.id,
    applicantName: head.name,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: [head.id],
    income: { wagesFen: 10_000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
  // As the county's confirmation leaves it (the steps themselves are the engine's tests).
  await desk.db.cases.put({
    ...made,
    status: 'active',
    decidedOn: '2026-03-20',
    paymentFrom,
  });
  const benefit = made.benefit;
  return { head, benefitFen: benefit.benefitFen };
}

describe('rolls at the desk', () => {
  it('draws, fixes, checks, approves, locks, exports and carries an unpaid line', async () => {
    const desk = await openOfficeDesk('office-a', 'r1');
    const supervisor = desk.as('supervisor');
    const month = '2026-04';
    const { head, benefitFen } = await activeCaseOn(desk, month);
    expect(benefitFen).toBeGreaterThan(0);

    // No account: the problem is named at the line; approval is out of reach.
    const first = await drawMonthRoll(desk.db, desk.ctx, 'dibao', month);
    expect(first.problems).toEqual([
      { key: first.lines[0]?.key, code: 'roll.no_account', params: { name: head.name } },
    ]);
    await expect(advanceRoll(desk.db, desk.ctx, first.id, 'checked')).rejects.toMatchObject({
      fieldErrors: [{ code: 'roll.problems_open' }],
    });

    // A bad account number is refused next to its field; a good one (typed in groups) kept.
    await expect(
      savePayeeAccount(desk.db, desk.ctx, {
        personId: head.id,
        bankName: '农商银行',
        accountNumber: '6228-48',
        oneCard: true,
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'accountNumber', code: 'payee.account_length' }],
    });
    const account = await savePayeeAccount(desk.db, desk.ctx, {
      personId: head.id,
      bankName: '农商银行',
      accountNumber: '6228 4800 0000 0000 1',
      oneCard: true,
    });
    expect(account.accountNumber).toBe('62284800000000001');
    // A changed account is a correction with its reason (the old one is kept).
    await expect(
      savePayeeAccount(
        desk.db,
        desk.ctx,
        {
          personId: head.id,
          bankName: '农商银行',
          accountNumber: '62284800000000002',
          oneCard: true,
        },
        { id: account.id, version: account.version, reason: '' },
      ),
    ).rejects.toMatchObject({ code: 'validation' });

    // Drawn again: the same draft, now clean; the records changing after drawing stops a check.
    const second = await drawMonthRoll(desk.db, desk.ctx, 'dibao', month);
    expect(second.id).toBe(first.id);
    expect(second.problems).toEqual([]);
    expect(second.lines[0]).toMatchObject({
      kind: 'new',
      paidFen: benefitFen,
      accountNumber: '62284800000000001',
    });
    // The records change after drawing (the account corrected): checking is refused until drawn again.
    const kept = await accountOfPerson(desk.db, head.id);
    const changed = await savePayeeAccount(
      desk.db,
      desk.ctx,
      {
        personId: head.id,
        bankName: '农商银行',
        accountNumber: '62284800000000003',
        oneCard: true,
      },
      { id: kept?.id ?? '', version: kept?.version ?? 0, reason: '账号录错一位' },
    );
    await expect(advanceRoll(desk.db, desk.ctx, second.id, 'checked')).rejects.toMatchObject({
      fieldErrors: [{ code: 'roll.stale' }],
    });
    await savePayeeAccount(
      desk.db,
      desk.ctx,
      {
        personId: head.id,
        bankName: '农商银行',
        accountNumber: '62284800000000001',
        oneCard: true,
      },
      { id: changed.id, version: changed.version, reason: '改回原账号' },
    );
    const checked = await advanceRoll(desk.db, desk.ctx, second.id, 'checked');

    // The registrar may not approve; the supervisor approves naming the hash shown.
    await expect(
      advanceRoll(desk.db, desk.ctx, checked.id, 'approved', checked.hash),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      advanceRoll(desk.db, supervisor, checked.id, 'approved', '0'.repeat(64)),
    ).rejects.toMatchObject({
      fieldErrors: [{ code: 'roll.hash_changed' }],
    });
    const approved = await advanceRoll(desk.db, supervisor, checked.id, 'approved', checked.hash);
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: '主管r1',
      hash: checked.hash,
    });

    // Locked: drawing the month again starts version 2 (a correction), never edits version 1.
    const v2 = await drawMonthRoll(desk.db, desk.ctx, 'dibao', month);
    expect(v2).toMatchObject({ rollVersion: 2, status: 'draft' });
    expect(
      (await rollsOfMonth(desk.db, 'dibao', month)).map((r) => [r.rollVersion, r.status]),
    ).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);

    // Export: the registrar may not; the supervisor's sheet has full IDs and is logged.
    await expect(exportRoll(desk.db, desk.ctx, approved.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Its supervisor gone before the file was offered (state/workOwner.ts): nothing logged.
    const ended = {
      code: 'unauthenticated',
      message: 'gone',
      details: { reason: 'session_ended' },
    };
    const gone = { handOut: () => Promise.reject(new AppError(ended as AppErrorData)) };
    await expect(exportRoll(desk.db, supervisor, approved.id, gone)).rejects.toMatchObject({
      details: { reason: 'session_ended' },
    });
    expect(await desk.db.accessLog.where('subjectId').equals(approved.id).count()).toBe(0);
    const file = await exportRoll(desk.db, supervisor, approved.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes.buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([undefined, ...rollSheetColumns]);
    const row = sheet?.getRow(3).values as unknown[];
    expect(row.slice(1, 13)).toEqual([
      1,
      'office-a 民政办',
      '东村',
      head.name,
      head.idNumber,
      1,
      '农村低保',
      benefitFen / 100,
      0,
      benefitFen / 100,
      '农商银行',
      '62284800000000001',
    ]);
    expect(String(sheet?.getRow(6).values)).toContain(approved.hash);
    const log = await desk.db.accessLog.where('subjectId').equals(approved.id).toArray();
    expect(log.map((l) => [l.action, l.subjectKind, l.createdBy])).toEqual([
      ['export', 'paymentRoll', 'user-supervisor-r1'],
    ]);
    expect(JSON.stringify(log)).not.toContain(head.idNumber);

    // The bank returned the line: carried into May's roll, to the account the payee has then.
    await markUnpaid(desk.db, desk.ctx, approved.id, approved.lines[0]?.key ?? '', '账户已冻结');
    await expect(
      markUnpaid(desk.db, desk.ctx, approved.id, approved.lines[0]?.key ?? '', '再次'),
    ).rejects.toMatchObject({
      fieldErrors: [{ code: 'roll.unpaid_twice' }],
    });
    const current = await accountOfPerson(desk.db, head.id);
    await savePayeeAccount(
      desk.db,
      desk.ctx,
      {
        personId: head.id,
        bankName: '邮储银行',
        accountNumber: '62210000000000009',
        oneCard: true,
      },
      { id: current?.id ?? '', version: current?.version ?? 0, reason: '原账户冻结，换卡' },
    );
    // May's roll is drawn once April has come (a roll is of this month or the next only).
    await expect(drawMonthRoll(desk.db, desk.ctx, 'dibao', '2026-05')).rejects.toMatchObject({
      fieldErrors: [{ path: 'month', code: 'roll.month_future', params: { latest: '2026-04' } }],
    });
    desk.advanceDays(31);
    const may = await drawMonthRoll(desk.db, desk.ctx, 'dibao', '2026-05');
    expect(may.lines.map((l) => [l.kind, l.paidFen, l.bankName, l.note])).toEqual([
      ['continuing', benefitFen, '邮储银行', ''],
      ['carried', benefitFen, '邮储银行', '账户已冻结'],
    ]);
    expect(monthOf(may.drawnOn)).toMatch(/^\d{4}-\d{2}$/);
  });
});
