import { describe, expect, it } from 'vitest';
import {
  applyRemembered,
  findHeaderRow,
  mappingAsHeadings,
  matchColumns,
  normalizeHeading,
  unmappedRequired,
} from '@shared/import/headings';
import { householdColumns } from '@shared/import/householdRoster';
import { parseCsv } from '@shared/import/csv';

describe('heading matching', () => {
  it('normalizes spaces, full-width brackets, stars and colons', () => {
    expect(normalizeHeading(' 村（社区）* ')).toBe('村(社区)');
    expect(normalizeHeading('身份证 号码：')).toBe('身份证号码');
  });

  it('matches the common Chinese headings in any order, brackets or not', () => {
    const header = [
      '序号',
      '公民身份号码',
      '姓 名',
      '与户主关系',
      '户主姓名',
      '村（社区）',
      '联系电话',
    ];
    const m = matchColumns(header, householdColumns);
    expect(m.name).toBe(2);
    expect(m.idNumber).toBe(1);
    expect(m.relation).toBe(3);
    expect(m.headName).toBe(4);
    expect(m.village).toBe(5);
    expect(m.phone).toBe(6);
    expect(m.sex).toBeNull();
    expect(unmappedRequired(m, householdColumns)).toEqual([]);
  });

  it('matches a heading with a unit in brackets by its words', () => {
    const m = matchColumns(['姓名', '出生日期(年月日)'], householdColumns);
    expect(m.birthDate).toBe(1);
  });

  it('gives a column to one field only', () => {
    // 「户主」 is a heading of headName; 「户主姓名」 already took it, so 户主 stays unused.
    const m = matchColumns(['户主姓名', '户主'], householdColumns);
    expect(m.headName).toBe(0);
    expect(Object.values(m).filter((v) => v === 1)).toEqual([]);
  });

  it('names the required fields a sheet lacks', () => {
    const m = matchColumns(['姓名', '性别'], householdColumns);
    expect(unmappedRequired(m, householdColumns)).toEqual(['idNumber', 'relation', 'headName']);
  });

  it('finds the heading row under a title row', () => {
    const rows = [
      ['城关镇低保家庭花名册'],
      [],
      ['姓名', '身份证号', '与户主关系', '户主姓名'],
      ['张三'],
    ];
    expect(findHeaderRow(rows, householdColumns)).toBe(2);
    expect(findHeaderRow([['a', 'b']], householdColumns)).toBe(-1);
  });

  it('lays a remembered mapping (by heading text) over the matched one', () => {
    const header = ['名字', '身份证号', '备注'];
    const matched = matchColumns(header, householdColumns);
    expect(matched.name).toBeNull();
    const m = applyRemembered(matched, header, { name: '名字', phone: '' });
    expect(m.name).toBe(0);
    expect(m.phone).toBeNull();
    expect(mappingAsHeadings(m, header).name).toBe('名字');
    // A remembered heading the new file lacks changes nothing.
    expect(applyRemembered(matched, header, { name: '成员' }).name).toBeNull();
  });
});

describe('CSV', () => {
  it('reads quotes, escaped quotes, line breaks in cells, CRLF and a BOM', () => {
    const text = '\ufeff姓名,住址\r\n"张三","东村""3组"",\n二号"\r\n李四,西村\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '住址'],
      ['张三', '东村"3组",\n二号'],
      ['李四', '西村'],
    ]);
  });
});
