import type { FieldError } from '../errors/appError';

/**
 * The parts of a roster import every roster type shares (docs/import.md): a roster is a
 * list of columns (matched by heading) and a function from one row's cells to what it
 * will write, with the row's problems. Pure: the desk runs it in the dry run and again,
 * row by row, in the commit.
 */

/** One column a roster reads: the field it fills and the headings offices write. */
export interface RosterColumn<F extends string = string> {
  field: F;
  /** Common headings, as offices write them; matched after `normalizeHeading`. */
  headings: readonly string[];
  required: boolean;
}

/** Which sheet column (0-based) fills each field; null when the sheet has none. */
export type ColumnMapping<F extends string = string> = Record<F, number | null>;

/**
 * How the dry run's report groups problems (the order the screen lists them):
 * each code below belongs to one group.
 */
export const problemGroups = [
  'required',
  'bad_id',
  'duplicate',
  'in_registry',
  'not_in_registry',
  'unknown_village',
  'unknown_place',
  'bed',
  // 在保对象名册: the county's window, an open case already, the amount differing.
  'window',
  'open_case',
  'amount',
  'money',
  'date',
  'value',
] as const;
export type ProblemGroup = (typeof problemGroups)[number];

/** One problem of one row. Errors stop the commit; warnings are shown and allowed. */
export interface RowProblem {
  /** 0-based index into the data rows (the sheet row is shown by the report). */
  row: number;
  group: ProblemGroup;
  /** The field (column) it concerns, when one does. */
  field?: string;
  /** A message key (import.* or a shared error code such as id.checksum). */
  code: string;
  params?: FieldError['params'];
  severity: 'error' | 'warning';
}

/** A row's cells by field (trimmed text; '' when empty or the column is not mapped). */
export type RowCells<F extends string = string> = Record<F, string>;

export function cellsOf<F extends string>(
  row: readonly string[],
  mapping: ColumnMapping<F>,
): RowCells<F> {
  const cells = {} as RowCells<F>;
  for (const field of Object.keys(mapping) as F[]) {
    const index = mapping[field];
    cells[field] = index === null ? '' : (row[index] ?? '').trim();
  }
  return cells;
}
