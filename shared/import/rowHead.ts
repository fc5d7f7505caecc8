import { parseDateCell } from './cells';
import { readIdCell } from './idCell';
import { emptyRequired } from './roster';
import type { RosterColumn, RowCells, RowProblem } from './types';

/** A row reader's common start: its problems so far and the cells every roster reads alike. */
export interface RowHead<F extends string> {
  /** The required columns left empty, then whatever the reader adds. */
  problems: RowProblem[];
  /** Adds an error of this row. */
  error(p: Omit<RowProblem, 'row' | 'severity'>): void;
  /** A 身份证号 cell (or one part of it): the normalized number, '' when empty or refused. */
  id(field: F, text?: string): string;
  /** A date cell as 'YYYY-MM-DD': '' when empty or refused. */
  date(field: F): string;
}

/**
 * The start every roster's readRow shares: the empty required columns, and the ID and
 * date cells checked as the forms check them, each refusal an error naming its field.
 */
export function rowHead<F extends string>(
  columns: readonly RosterColumn<F>[],
  cells: RowCells<F>,
  row: number,
  today: string,
): RowHead<F> {
  const problems = emptyRequired(columns, cells, row);
  const error = (p: Omit<RowProblem, 'row' | 'severity'>) => {
    problems.push({ row, severity: 'error', ...p });
  };
  return {
    problems,
    error,
    id(field, text = cells[field]) {
      const { idNumber, problem } = readIdCell(text, today);
      if (problem) error({ ...problem, field });
      return idNumber;
    },
    date(field) {
      if (!cells[field]) return '';
      const date = parseDateCell(cells[field], today);
      if (date.ok) return date.value;
      error({ group: 'date', field, code: date.code, params: date.params });
      return '';
    },
  };
}
