import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/identity/residentId';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { casesSource } from '../../../renderer/src/db/repositories/export/casesSource';
import {
  movementsSource,
  residentsSource,
} from '../../../renderer/src/db/repositories/export/elderlySources';
import { householdsSource } from '../../../renderer/src/db/repositories/export/personsSource';
import { runListExport } from '../../../renderer/src/db/repositories/export/runListExport';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { write } from '../../../renderer/src/db/writePath';
import { casesList } from '../../../renderer/src/export/lists/cases';
import { householdsList } from '../../../renderer/src/export/lists/households';
import { movementsList } from '../../../renderer/src/export/lists/movements';
import { residentsList } from '../../../renderer/src/export/lists/residents';
import {
  openTestDesk,
  personInput,
  residentId,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';
import { newResident, smallHome } from '../elderlyCare/elderlyFixtures';
import { caseRow } from '../medical/caseRows';
import { column, present, readBack } from './readBack';

/**
 * Each list's export on a real IndexedDB, read back with exceljs: the filter the screen
 * applied (same query function), Chinese headings, masked numbers for a registrar,
 * yuan from fen with two decimals.
 */
describe('list exports', () => {
  it('exports households filtered by the search box, the head ID masked', async () => {
    const { db, ctx } = await openTestDesk();
    const family = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    await registerHousehold(db, ctx, {
      areaCode: '330102',
      hukouType: 'urban',
      villageName: '解放社区',
      address: '解放路2号',
      members: [
        {
          relation: 'self',
          person: personInput({
            name: '王五',
            idNumber: residentId('330102', '1970-01-01', '015'),
            birthDate: '1970-01-01',
          }),
        },
      ],
    });
    const file = await runListExport(db, ctx, householdsList, householdsSource(db, '张'));
    const sheet = await readBack(file.bytes);
    expect(sheet.title).toContain('家庭名单');
    expect(sheet.rows).toHaveLength(1);
    const row = present(sheet.rows[0]);
    expect(row[column(sheet.headers, '户主姓名')]).toBe('张三丰');
    expect(row[column(sheet.headers, '家庭人数')]).toBe(3);
    const head = present(family.members[0]).person;
    expect(row[column(sheet.headers, '户主身份证号码')]).toBe(maskIdNumber(head.idNumber));
  });

  it('exports the cases the filter keeps, with the benefit in yuan', async () => {
    const { db, ctx } = await openTestDesk();
    const family = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const head = present(family.members[0]).person;
    const base = {
      householdId: family.household.id,
      applicantPersonId: head.id,
      coveredPersonIds: [head.id],
    };
    await write(db, ctx, async (w) => {
      const dibao = caseRow('a', { ...base, applicantName: '张三丰', searchTokens: ['张三丰'] });
      await w.create('assistanceCase', {
        ...dibao.data,
        benefit: { ...dibao.data.benefit, benefitFen: 63_250 },
      });
      const ended = caseRow('b', {
        ...base,
        applicantName: '张三丰',
        searchTokens: ['张三丰'],
        status: 'terminated',
        decidedOn: '2025-02-20',
        paymentFrom: '2025-03',
        endedOn: '2025-06-15',
        paymentTo: '2025-06',
      });
      await w.create('assistanceCase', ended.data);
    });
    const filter = { today: '2026-03-02', programme: 'dibao', status: 'active' };
    const file = await runListExport(db, ctx, casesList, casesSource(db, filter));
    const sheet = await readBack(file.bytes);
    expect(sheet.title).toContain('筛选：项目：低保，状态：');
    expect(file.rows).toBe(1);
    const row = present(sheet.rows[0]);
    expect(row[column(sheet.headers, '项目')]).toBe('低保');
    expect(row[column(sheet.headers, '月救助金额（元）')]).toBe(632.5);
    expect(sheet.sheet.getCell(3, column(sheet.headers, '月救助金额（元）') + 1).numFmt).toBe(
      '0.00',
    );
    expect(row[column(sheet.headers, '申请人身份证号码')]).toBe(maskIdNumber(head.idNumber));
    expect(row[column(sheet.headers, '类别')]).toBe('农村低保');
  });

  it('exports residents and their movements for the search, phones masked', async () => {
    const { db, ctx } = await openTestDesk();
    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const li = await newResident(db, ctx, '李大爷');
    await recordMovement(db, ctx, {
      residentId: zhang.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    await recordMovement(db, ctx, {
      residentId: li.id,
      type: 'admit',
      bedId: beds.b.id,
      date: '2026-02-03',
    });

    const residents = await readBack(
      (await runListExport(db, ctx, residentsList, residentsSource(db, '张', '2026-03-02'))).bytes,
    );
    expect(residents.rows).toHaveLength(1);
    const row = present(residents.rows[0]);
    expect(row[column(residents.headers, '姓名')]).toBe('张大爷');
    expect(row[column(residents.headers, '床位')]).toBe('1号楼 101室 1床');
    expect(row[column(residents.headers, '紧急联系电话')]).toBe('138****0000');
    expect(String(row[column(residents.headers, '身份证号码')])).toContain('********');

    const movements = await readBack(
      (await runListExport(db, ctx, movementsList, movementsSource(db, '李'))).bytes,
    );
    expect(movements.title).toContain('筛选：姓名或身份证号“李”');
    expect(movements.rows.map((r) => r.slice(0, 2))).toEqual([['2026-02-03', '李大爷']]);
    expect(present(movements.rows[0])[column(movements.headers, '变动类型')]).toBe('入住');
  });
});
