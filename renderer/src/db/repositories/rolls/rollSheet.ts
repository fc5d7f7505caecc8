/**
 * The roll as the sheet a bank or finance office takes (domain.md 资金发放, the 花名册
 * headings counties use): a title row, the headings, one row per line, the total, and
 * the content hash with its approver. Chinese only: the sheet goes to the bank. ID and
 * account numbers are text cells (as numbers Excel would show 2.3E+17 and lose digits).
 */
import { newWorkbook } from '../../../export/newWorkbook';
import { formatFen } from '@shared/money/fen';
import type { PaymentRollData, RollLine } from '@shared/rolls/rollRecord';
import { workbookBytes } from '../../../export/xlsxFile';

export const rollSheetColumns = [
  '序号',
  '乡镇',
  '村',
  '户主姓名',
  '身份证号码',
  '保障人数',
  '类别',
  '月保障金',
  '补发/扣减',
  '实发金额',
  '开户行',
  '账号',
  '备注',
] as const;

const programmeNames: Record<string, string> = {
  dibao: '最低生活保障',
  tekun: '特困人员救助供养',
  temporary: '临时救助',
};

/** 类别 as the roster writes it: 城市低保 / 农村低保, 特困供养, 临时救助. */
export function categoryLabel(programme: string, category: string): string {
  const place = category === 'urban' ? '城市' : '农村';
  if (programme === 'dibao') return `${place}低保`;
  if (programme === 'tekun') return `${place}特困供养`;
  return programmeNames[programme] ?? programme;
}

const adjustWords = { missed_month: '补发', amount_changed: '调整', overpaid: '扣减' } as const;

/** 备注: what kind of line, each back pay or deduction with its month and reason. */
export function lineNote(line: RollLine): string {
  const parts: string[] = [];
  if (line.kind === 'new') parts.push('新增');
  if (line.kind === 'adjusted') parts.push('标准调整');
  if (line.kind === 'carried' && line.carriedFrom) {
    parts.push(`${line.carriedFrom.month} 未到账补发：${line.note}`);
  }
  for (const a of line.adjustments) {
    parts.push(`${adjustWords[a.reason]} ${a.month} ${formatFen(a.fen)} 元`);
  }
  return parts.join('；');
}

const yuan = (fen: number) => fen / 100;

export async function rollWorkbook(
  roll: PaymentRollData,
  idOf: (line: RollLine) => string,
): Promise<Uint8Array<ArrayBuffer>> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet('发放花名册');
  const width = rollSheetColumns.length;
  const township = roll.lines[0]?.township ?? '';
  sheet.addRow([
    `${township}${programmeNames[roll.programme] ?? ''}资金发放花名册（${roll.month}，第 ${roll.rollVersion} 版）`,
  ]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([...rollSheetColumns]).font = { bold: true };
  roll.lines.forEach((line, i) => {
    sheet.addRow([
      i + 1,
      line.township,
      line.village,
      line.headName,
      idOf(line),
      line.coveredCount,
      categoryLabel(roll.programme, line.category),
      yuan(line.monthlyFen),
      yuan(line.adjustFen),
      yuan(line.paidFen),
      line.bankName,
      line.accountNumber,
      lineNote(line),
    ]);
  });
  const total = roll.lines.reduce((sum, l) => sum + l.paidFen, 0);
  sheet.addRow(['合计', '', '', `${roll.lines.length} 户`, '', '', '', '', '', yuan(total)]);
  sheet.addRow([]);
  sheet.addRow([`内容校验码（SHA-256）：${roll.hash}`]);
  sheet.addRow([`批准：${roll.approvedBy ?? ''}  ${roll.approvedOn ?? ''}`]);
  for (const [index, w] of [6, 12, 12, 10, 22, 8, 12, 12, 12, 12, 18, 24, 36].entries()) {
    sheet.getColumn(index + 1).width = w;
  }
  for (const column of [5, 12]) sheet.getColumn(column).numFmt = '@';
  for (const column of [8, 9, 10]) sheet.getColumn(column).numFmt = '0.00';
  return workbookBytes(book);
}
