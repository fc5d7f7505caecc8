import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FigureRow } from '@shared/figures/monthlyFigures';
import type { CountyFigures } from './figures';

/**
 * The monthly figures as an Excel workbook (导出 Excel): 月度统计 — one row per programme
 * and office, then the programme totals — and 近12个月发放 (paid per programme by month).
 * Chinese headers; amounts in yuan from integer fen, shown with 2 decimals.
 */
export const figureColumns = [
  '救助项目',
  '乡镇（街道）',
  '在保案件数',
  '保障人数',
  '本月新增',
  '本月停发',
  '名册状态',
  '名册金额（元）',
  '银行未到账（元）',
  '先行救助现金（元）',
  '实发金额（元）',
] as const;

export const programmeWords: Record<string, string> = {
  dibao: '低保',
  tekun: '特困',
  temporary: '临时救助',
};

export const rollStatusWords: Record<string, string> = {
  none: '未造册',
  draft: '草稿',
  checked: '已复核',
  approved: '已批准',
};

const yuan = (fen: number) => fen / 100;
const money = '#,##0.00';

/** 2026年07月 from 2026-07. */
export const monthWords = (month: string) => `${month.slice(0, 4)}年${month.slice(5, 7)}月`;

export function figuresWorkbook(figures: CountyFigures): ExcelJS.Workbook {
  const names = new Map(figures.offices.map((o) => [o.id, o.name]));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月度统计');
  sheet.addRow([`${monthWords(figures.month)} 社会救助统计`]);
  sheet.mergeCells(1, 1, 1, figureColumns.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([...figureColumns]).font = { bold: true };
  const add = (r: FigureRow, office: string) =>
    sheet.addRow([
      programmeWords[r.programme] ?? r.programme,
      office,
      r.casesInPayment,
      r.peopleCovered,
      r.newCases,
      r.stoppedCases,
      r.officeId === '' ? '' : (rollStatusWords[r.rollStatus] ?? r.rollStatus),
      yuan(r.rollFen),
      yuan(r.unpaidFen),
      yuan(r.cashFen),
      yuan(r.paidFen),
    ]);
  for (const r of figures.rows) add(r, names.get(r.officeId) ?? r.officeId);
  for (const r of figures.totals) add(r, '合计').font = { bold: true };
  for (const [index, w] of [12, 16, 12, 10, 10, 10, 10, 16, 16, 18, 16].entries()) {
    sheet.getColumn(index + 1).width = w;
  }
  for (const column of [8, 9, 10, 11]) sheet.getColumn(column).numFmt = money;

  const series = book.addWorksheet('近12个月发放');
  const programmes = figures.totals.map((t) => t.programme);
  series.addRow([
    '月份',
    ...programmes.map((p) => `${programmeWords[p] ?? p}实发（元）`),
    '合计（元）',
  ]).font = { bold: true };
  for (const point of figures.series) {
    const amounts = programmes.map((p) => point.paidFen[p]);
    series.addRow([point.month, ...amounts.map(yuan), yuan(amounts.reduce((s, a) => s + a, 0))]);
  }
  series.getColumn(1).width = 10;
  for (let column = 2; column <= programmes.length + 2; column += 1) {
    series.getColumn(column).width = 16;
    series.getColumn(column).numFmt = money;
  }
  return book;
}

/** The workbook written into a stream as it is produced (the reply sends it on). */
export function workbookStream(book: ExcelJS.Workbook): Readable {
  const stream = new PassThrough();
  book.xlsx.write(stream).then(
    () => stream.end(),
    (error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return stream;
}

/** Content-Disposition for a Chinese file name (RFC 6266/5987, with an ASCII fallback). */
export function downloadHeader(fileName: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
