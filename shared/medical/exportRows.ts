/**
 * The status-change sheet the medical-insurance office receives (医疗救助对象变动表):
 * Chinese headings whatever the desk's language, one line per change, dates as
 * 'YYYY-MM-DD' text (no time zone can shift a text date), the full ID number as text.
 * The columns follow the rosters offices keep (domain.md): 序号, 姓名, 身份证号码, 类别,
 * 变动类型, 起始日期, 终止日期, 乡镇, 村（社区）, 备注.
 */
import type { CoverageChange } from './timeline';

export const exportColumns = [
  '序号',
  '姓名',
  '身份证号码',
  '类别',
  '变动类型',
  '起始日期',
  '终止日期',
  '乡镇',
  '村（社区）',
  '备注',
] as const;

/** The built-in categories as the medical-insurance office names them. */
export const categoryNamesZh: Readonly<Record<string, string>> = {
  tekun: '特困人员',
  dibao: '低保对象',
  dibaoEdge: '低保边缘家庭成员',
  monitored: '防止返贫监测对象',
};

export const changeTypeNamesZh = { new: '新增', changed: '类别变更', ended: '终止' } as const;

export interface ExportPerson {
  name: string;
  idNumber: string;
  villageName: string;
}

/** The sheet's lines (after the heading row), every cell a string. */
export function changeRows(
  changes: readonly CoverageChange[],
  persons: ReadonlyMap<string, ExportPerson>,
  township: string,
  categoryName: (code: string) => string,
): string[][] {
  return changes.map((c, i) => {
    const person = persons.get(c.personId);
    const notes = [
      c.previousCategory !== null ? `原类别：${categoryName(c.previousCategory)}` : '',
      c.segment.note,
    ].filter((n) => n !== '');
    return [
      String(i + 1),
      person?.name ?? '',
      person?.idNumber ?? '',
      categoryName(c.category),
      changeTypeNamesZh[c.type],
      c.segment.from,
      c.segment.to ?? '',
      township,
      person?.villageName ?? '',
      notes.join('；'),
    ];
  });
}
