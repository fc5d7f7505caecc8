import type { ColumnMapping, RosterColumn } from './types';

/**
 * Headings as offices type them differ in spaces, full-width brackets, a required-mark
 * star or a trailing colon: 「村（社区）*」 and 「村(社区)」 are one heading.
 */
export function normalizeHeading(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[*＊:：]/g, '')
    .toLowerCase();
}

/** The heading without a bracketed unit or note: 「保障金额(元)」 → 「保障金额」. */
function withoutBrackets(heading: string): string {
  return heading.replace(/\([^)]*\)/g, '');
}

/**
 * Which column fills each field: an exact (normalized) heading first, then one that
 * matches without its brackets. A column fills one field at most, in column order.
 */
export function matchColumns<F extends string>(
  headerRow: readonly string[],
  columns: readonly RosterColumn<F>[],
): ColumnMapping<F> {
  const mapping = Object.fromEntries(columns.map((c) => [c.field, null])) as ColumnMapping<F>;
  const taken = new Set<number>();
  const normalized = headerRow.map((h) => normalizeHeading(h ?? ''));
  const passes = [(h: string) => h, withoutBrackets];
  for (const pass of passes) {
    for (const column of columns) {
      if (mapping[column.field] !== null) continue;
      const wanted = new Set(column.headings.map((h) => pass(normalizeHeading(h))));
      const index = normalized.findIndex((h, i) => !taken.has(i) && h && wanted.has(pass(h)));
      if (index >= 0) {
        mapping[column.field] = index;
        taken.add(index);
      }
    }
  }
  return mapping;
}

/** How many fields a row's headings fill. */
export function matchedCount(mapping: ColumnMapping): number {
  return Object.values(mapping).filter((v) => v !== null).length;
}

/**
 * The heading row: sheets often start with a title row or two (「××镇低保花名册」), so
 * the first rows are tried and the one that fills the most fields wins (at least two).
 * Returns -1 when none does.
 */
export function findHeaderRow(
  firstRows: readonly (readonly string[])[],
  columns: readonly RosterColumn[],
  lookAt = 10,
): number {
  let best = -1;
  let bestCount = 1;
  for (const [index, row] of firstRows.slice(0, lookAt).entries()) {
    const count = matchedCount(matchColumns(row, columns));
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}

/** Required fields the mapping leaves without a column. */
export function unmappedRequired<F extends string>(
  mapping: ColumnMapping<F>,
  columns: readonly RosterColumn<F>[],
): F[] {
  return columns.filter((c) => c.required && mapping[c.field] === null).map((c) => c.field);
}

/**
 * A remembered mapping (field → heading text, so it applies to next month's file with
 * the same headings in another order) laid over the matched one.
 */
export function applyRemembered<F extends string>(
  matched: ColumnMapping<F>,
  headerRow: readonly string[],
  remembered: Partial<Record<F, string>>,
): ColumnMapping<F> {
  const result = { ...matched };
  const normalized = headerRow.map((h) => normalizeHeading(h ?? ''));
  for (const [field, heading] of Object.entries(remembered) as [F, string | undefined][]) {
    if (!(field in result) || heading === undefined) continue;
    const index = heading === '' ? -1 : normalized.indexOf(normalizeHeading(heading));
    if (heading === '') result[field] = null;
    else if (index >= 0) {
      for (const other of Object.keys(result) as F[]) {
        if (result[other] === index) result[other] = null;
      }
      result[field] = index;
    }
  }
  return result;
}

/** The mapping as headings, for remembering. */
export function mappingAsHeadings<F extends string>(
  mapping: ColumnMapping<F>,
  headerRow: readonly string[],
): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const field of Object.keys(mapping) as F[]) {
    const index = mapping[field];
    out[field] = index === null ? '' : (headerRow[index] ?? '');
  }
  return out;
}
