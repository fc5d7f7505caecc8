import { describe, expect, it } from 'vitest';
import {
  parseDateCell,
  parseHukouCell,
  parseMoneyCell,
  parseRelationCell,
  parseSexCell,
} from '@shared/import/cells';
import { householdRoster, type HouseholdField } from '@shared/import/householdRoster';
import { duplicateIdProblems, householdStructureProblems } from '@shared/import/householdGroups';
import { residentId } from '../../fakes/deskFixtures';

const today = '2026-03-02';

describe('cell checks', () => {
  it('reads dates as offices write them, and refuses impossible or out-of-range ones', () => {
    for (const t of ['1990-01-02', '1990/1/2', '1990.1.2', '19900102', '1990年1月2日']) {
      expect(parseDateCell(t, today)).toEqual({ ok: true, value: '1990-01-02' });
    }
    expect(parseDateCell('1990-02-30', today)).toMatchObject({
      ok: false,
      code: 'import.date_format',
    });
    expect(parseDateCell('一九九零年', today)).toMatchObject({
      ok: false,
      code: 'import.date_format',
    });
    expect(parseDateCell('1899-12-31', today)).toMatchObject({
      ok: false,
      code: 'import.date_range',
    });
    expect(parseDateCell('2026-03-03', today)).toMatchObject({
      ok: false,
      code: 'import.date_range',
    });
  });

  it('reads yuan with at most two decimals as integer fen', () => {
    expect(parseMoneyCell('1,234.5')).toEqual({ ok: true, value: 123450 });
    expect(parseMoneyCell('￥680')).toEqual({ ok: true, value: 68000 });
    expect(parseMoneyCell('六百元')).toMatchObject({ ok: false, code: 'money.format' });
    expect(parseMoneyCell('12.345')).toMatchObject({ ok: false, code: 'money.precision' });
    expect(parseMoneyCell('-5')).toMatchObject({ ok: false, code: 'money.negative' });
  });

  it('reads relation, sex and hukou words', () => {
    expect(parseRelationCell('户主')).toEqual({ ok: true, value: 'self' });
    expect(parseRelationCell('长子')).toEqual({ ok: true, value: 'child' });
    expect(parseRelationCell('妻')).toEqual({ ok: true, value: 'spouse' });
    expect(parseRelationCell('邻居')).toMatchObject({ ok: false, code: 'import.relation' });
    expect(parseSexCell('女')).toEqual({ ok: true, value: 'female' });
    expect(parseSexCell('F')).toMatchObject({ ok: false });
    expect(parseHukouCell('非农业')).toEqual({ ok: true, value: 'urban' });
    expect(parseHukouCell('农业')).toEqual({ ok: true, value: 'rural' });
  });
});

const blank = Object.fromEntries(householdRoster.columns.map((c) => [c.field, ''])) as Record<
  HouseholdField,
  string
>;
const good = {
  ...blank,
  name: '张三丰',
  idNumber: residentId('330102', '1960-05-04', '013'),
  relation: '户主',
  headName: '张三丰',
  village: '东村',
};

describe('a household roster row', () => {
  it('becomes a person with the facts of their ID', () => {
    const { value, problems } = householdRoster.readRow(good, 0, today);
    expect(problems).toEqual([]);
    expect(value?.person).toMatchObject({
      sex: 'male',
      birthDate: '1960-05-04',
      hukouType: 'rural',
    });
    expect(value?.relation).toBe('self');
    expect(value?.householdKey).toBe('head:东村|张三丰');
  });

  it('says why an ID number is bad', () => {
    const bad = good.idNumber.slice(0, 17) + (good.idNumber.endsWith('1') ? '2' : '1');
    const { value, problems } = householdRoster.readRow({ ...good, idNumber: bad }, 3, today);
    expect(value).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, group: 'bad_id', code: 'id.checksum', severity: 'error' }),
    ]);
    const short = householdRoster.readRow({ ...good, idNumber: '33010219600504' }, 0, today);
    expect(short.problems[0]).toMatchObject({ code: 'id.length', params: { actual: 14 } });
  });

  it('says when Excel stored the ID as a number and lost its last digits', () => {
    // 3.30102196005040E+17 as Excel keeps it: 15 significant digits.
    const lost = `${good.idNumber.slice(0, 15)}000`;
    const { problems } = householdRoster.readRow({ ...good, idNumber: lost }, 0, today);
    expect(problems.map((p) => [p.group, p.code])).toEqual([['bad_id', 'import.id_as_number']]);
  });

  it('names each empty required cell', () => {
    const { value, problems } = householdRoster.readRow(
      { ...good, name: '', relation: '' },
      1,
      today,
    );
    expect(value).toBeNull();
    expect(problems.filter((p) => p.group === 'required').map((p) => p.field)).toEqual([
      'name',
      'relation',
    ]);
  });

  it('warns (does not refuse) a typed sex or birth date the ID contradicts', () => {
    const { value, problems } = householdRoster.readRow(
      { ...good, sex: '女', birthDate: '1960-05-05' },
      0,
      today,
    );
    expect(value).not.toBeNull();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['id.sex_mismatch', 'warning'],
      ['id.birth_mismatch', 'warning'],
    ]);
  });

  it('refuses what the write path would refuse: a bad phone, a grade without a type', () => {
    const phone = householdRoster.readRow({ ...good, phone: '12345' }, 0, today);
    expect(phone.problems).toEqual([
      expect.objectContaining({ code: 'field.phone', field: 'phone' }),
    ]);
    const grade = householdRoster.readRow({ ...good, disabilityGrade: '二级' }, 0, today);
    expect(grade.problems).toEqual([
      expect.objectContaining({ code: 'person.disability_type_required' }),
    ]);
    const typed = householdRoster.readRow(
      { ...good, disabilityGrade: '二级', disabilityType: '肢体残疾' },
      0,
      today,
    );
    expect(typed.value?.person).toMatchObject({ disabilityGrade: 2, disabilityType: 'physical' });
  });

  it('keys households by 户编号 when the sheet has one', () => {
    const { value } = householdRoster.readRow({ ...good, householdNo: 'H-7' }, 0, today);
    expect(value?.householdKey).toBe('no:H-7');
  });
});

describe('household and file checks', () => {
  it('refuses households without one head, or with too many members', () => {
    const problems = householdStructureProblems([
      { row: 0, householdKey: 'a', isHead: true },
      { row: 1, householdKey: 'a', isHead: false },
      { row: 2, householdKey: 'b', isHead: false },
      { row: 3, householdKey: 'c', isHead: true },
      { row: 4, householdKey: 'c', isHead: true },
      ...Array.from({ length: 31 }, (_, i) => ({
        row: 10 + i,
        householdKey: 'd',
        isHead: i === 0,
      })),
    ]);
    expect(problems.filter((p) => p.code === 'import.no_head').map((p) => p.row)).toEqual([2]);
    expect(problems.filter((p) => p.code === 'import.two_heads').map((p) => p.row)).toEqual([3, 4]);
    expect(problems.filter((p) => p.code === 'import.too_many_members')).toHaveLength(31);
  });

  it('refuses an ID number the file already had, naming the first row', () => {
    const problems = duplicateIdProblems([
      { row: 0, idNumber: 'A' },
      { row: 1, idNumber: 'B' },
      { row: 2, idNumber: 'A' },
      { row: 3, idNumber: '' },
      { row: 4, idNumber: '' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, group: 'duplicate', params: { firstRow: 0 } }),
    ]);
  });
});
