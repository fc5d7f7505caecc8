import type { RosterColumn, RowCells, RowProblem } from './types';

/**
 * A roster type as configuration: its columns and what one row becomes. A further
 * roster (cases with amounts, residents with beds, volunteers with hours) is one more
 * of these plus its commit step, not a copy of the import.
 */
export interface RosterDefinition<F extends string, R> {
  type: string;
  columns: readonly RosterColumn<F>[];
  /** The row as what it writes (null when it has an error), with all its problems. */
  readRow(
    cells: RowCells<F>,
    row: number,
    today: string,
  ): { value: R | null; problems: RowProblem[] };
}

/** A 'required' problem for each required column left empty in this row. */
export function emptyRequired<F extends string>(
  columns: readonly RosterColumn<F>[],
  cells: RowCells<F>,
  row: number,
): RowProblem[] {
  return columns
    .filter((c) => c.required && cells[c.field] === '')
    .map((c) => ({
      row,
      group: 'required' as const,
      field: c.field,
      code: 'import.required',
      params: { column: c.field },
      severity: 'error' as const,
    }));
}

export const hasError = (problems: readonly RowProblem[]) =>
  problems.some((p) => p.severity === 'error');
