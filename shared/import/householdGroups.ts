import type { RowProblem } from './types';

/** What the household checks need of one row: kept small, one per row of the sheet. */
export interface RowKey {
  row: number;
  householdKey: string;
  isHead: boolean;
}

/** At most this many members per household (householdDataSchema). */
export const maxMembers = 30;

/**
 * Each household has exactly one head (与户主关系 = 户主/本人) and at most 30 members;
 * every row of a household without one head is refused, so no member is imported into
 * a household that cannot be registered.
 */
export function householdStructureProblems(rows: readonly RowKey[]): RowProblem[] {
  const groups = new Map<string, RowKey[]>();
  for (const r of rows) {
    const group = groups.get(r.householdKey);
    if (group) group.push(r);
    else groups.set(r.householdKey, [r]);
  }
  const problems: RowProblem[] = [];
  const refuse = (row: number, code: string, params?: RowProblem['params']) =>
    problems.push({ row, group: 'value', field: 'relation', code, params, severity: 'error' });
  for (const group of groups.values()) {
    const heads = group.filter((r) => r.isHead);
    if (heads.length === 0) for (const r of group) refuse(r.row, 'import.no_head');
    if (heads.length > 1) for (const r of heads) refuse(r.row, 'import.two_heads');
    if (group.length > maxMembers) {
      for (const r of group) refuse(r.row, 'import.too_many_members', { max: maxMembers });
    }
  }
  return problems;
}

/**
 * The same ID number (or another key: `field`, `code`) twice in one file: every later
 * row is refused, naming the first
 * (sheet rows are shown 1-based by whoever reports: `firstRow` is a data-row index).
 */
export function duplicateIdProblems(
  rows: readonly { row: number; idNumber: string }[],
  field = 'idNumber',
  code = 'import.duplicate_in_file',
): RowProblem[] {
  const first = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const { row, idNumber } of rows) {
    if (!idNumber) continue;
    const seen = first.get(idNumber);
    if (seen === undefined) first.set(idNumber, row);
    else {
      problems.push({
        row,
        group: 'duplicate',
        field,
        code,
        params: { firstRow: seen },
        severity: 'error',
      });
    }
  }
  return problems;
}

/** One household the commit registers: its rows, the head's first. */
export interface PlannedHousehold {
  rows: number[];
}

/**
 * What the commit writes, once the user chose which people already in the registry
 * to skip: each household with its head, without the skipped members. A household
 * whose head is skipped is left out whole; any new member it has is refused
 * (`import.head_skipped`: they would be registered into no household).
 */
export function planHouseholds(
  rows: readonly RowKey[],
  skipped: ReadonlySet<number>,
): { households: PlannedHousehold[]; problems: RowProblem[] } {
  const groups = new Map<string, RowKey[]>();
  for (const r of rows) {
    const group = groups.get(r.householdKey);
    if (group) group.push(r);
    else groups.set(r.householdKey, [r]);
  }
  const households: PlannedHousehold[] = [];
  const problems: RowProblem[] = [];
  for (const group of groups.values()) {
    const head = group.find((r) => r.isHead);
    if (!head) continue; // refused by householdStructureProblems
    if (skipped.has(head.row)) {
      for (const r of group) {
        if (!skipped.has(r.row)) {
          problems.push({
            row: r.row,
            group: 'in_registry',
            field: 'relation',
            code: 'import.head_skipped',
            severity: 'error',
          });
        }
      }
      continue;
    }
    const members = group.filter((r) => r !== head && !skipped.has(r.row)).map((r) => r.row);
    households.push({ rows: [head.row, ...members] });
  }
  return { households, problems };
}
