import ExcelJS from 'exceljs';
import { addDays } from '@shared/calendar/dates';
import { residentId } from '../../fakes/deskFixtures';

/** The headings of a township's household sheet, as offices write them. */
export const sheetHeadings = [
  '序号',
  '户主姓名',
  '姓名',
  '与户主关系',
  '公民身份号码',
  '性别',
  '出生日期',
  '村（社区）',
  '联系电话',
  '户口性质',
  '家庭住址',
];

/** One sheet row for a person: [序号, 户主, 姓名, 关系, 身份证, 性别, 出生, 村, 电话, 户口, 住址]. */
export function personRow(
  n: number,
  head: string,
  name: string,
  relation: string,
  id: string,
  more: Partial<{ sex: string; birth: string; village: string; phone: string }> = {},
): string[] {
  return [
    String(n),
    head,
    name,
    relation,
    id,
    more.sex ?? '',
    more.birth ?? '',
    more.village ?? '东村',
    more.phone ?? '',
    '农业',
    '东村3组',
  ];
}

/** A valid, distinct resident ID per number i (births spread over days from 1950). */
export function idFor(i: number): string {
  const birth = addDays('1950-01-01', i % 20000);
  const seq = String(100 + Math.floor(i / 20000) * 2 + 1).padStart(3, '0');
  return residentId('330102', birth, seq);
}

/** `households` one-person households: 户主 i, rows i. */
export function singles(households: number, offset = 0): string[][] {
  return Array.from({ length: households }, (_, i) =>
    personRow(i + 1, `户主${i + offset}`, `户主${i + offset}`, '户主', idFor(i + offset)),
  );
}

/** An XLSX file as exceljs writes it: a title row, the headings, the rows. */
export async function xlsxFile(rows: string[][], headings = sheetHeadings): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['城关镇家庭成员花名册']);
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
}

/** The rows of the first sheet of an XLSX file, as text. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v))));
  });
  return rows;
}
