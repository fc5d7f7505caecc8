import { describe, expect, it } from 'vitest';
import {
  caseRoster,
  parseMonthCell,
  parseProgrammeCell,
  type CaseRosterField,
} from '@shared/import/caseRoster';
import { residentId } from '../../fakes/deskFixtures';

const today = '2026-03-02';
const head = residentId('330102', '1960-05-04', '013');
const spouse = residentId('330102', '1962-01-09', '024');
const cells = (over: Partial<Record<CaseRosterField, string>> = {}) => ({
  headName: '张三丰',
  headIdNumber: head,
  programme: '低保',
  coveredCount: '',
  coveredIds: '',
  incomeYuan: '300',
  amountYuan: '',
  paymentFrom: '2026-03',
  decidedOn: '',
  ...over,
});

describe('在保对象名册 rows', () => {
  it('reads the months and programmes offices write', () => {
    for (const text of [
      '2026-03',
      '2026/3',
      '2026.03',
      '2026年3月',
      '202603',
      '2026-03-01',
      '2026年3月1日',
    ])
      expect(parseMonthCell(text), text).toEqual({ ok: true, value: '2026-03' });
    for (const text of ['2026-13', '下月', '26-03', ''])
      expect(parseMonthCell(text).ok, text).toBe(false);
    expect(parseProgrammeCell('农村低保')).toEqual({ ok: true, value: 'dibao' });
    expect(parseProgrammeCell('最低生活保障')).toEqual({ ok: true, value: 'dibao' });
    expect(parseProgrammeCell('五保')).toEqual({ ok: true, value: 'tekun' });
    expect(parseProgrammeCell('临时救助').ok).toBe(false);
  });

  it('sums an income given per member, one figure for each listed', () => {
    const read = caseRoster.readRow(
      cells({ coveredIds: `${head}、${spouse}`, incomeYuan: '800、150.5' }),
      0,
      today,
    );
    expect(read.value).toMatchObject({ coveredIds: [head, spouse], incomeFen: 95_050 });
    const wrong = caseRoster.readRow(
      cells({ coveredIds: `${head}、${spouse}`, incomeYuan: '800、0、0' }),
      0,
      today,
    );
    expect(wrong.problems.map((p) => p.code)).toEqual(['import.income_per_member']);
    // A thousands comma is part of one figure, not a separator.
    expect(caseRoster.readRow(cells({ incomeYuan: '1,200' }), 0, today).value?.incomeFen).toBe(
      120_000,
    );
  });

  it('names each bad cell', () => {
    const read = caseRoster.readRow(
      cells({ coveredCount: '0', amountYuan: 'abc', decidedOn: '2027-01-01', coveredIds: '123' }),
      0,
      today,
    );
    expect(read.value).toBeNull();
    expect(read.problems.map((p) => [p.field, p.code])).toEqual([
      ['coveredIds', 'id.length'],
      ['coveredCount', 'import.covered_count'],
      ['amountYuan', 'money.format'],
      ['decidedOn', 'import.date_range'],
    ]);
  });
});
