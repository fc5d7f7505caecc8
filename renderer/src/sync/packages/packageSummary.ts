import type { PackageSummary } from './packageTypes';

/** A manifest's counts and date range as the package screen shows them, with the total. */
export function summaryOf(
  counts: Record<string, number>,
  dateRange: PackageSummary['dateRange'],
): PackageSummary {
  return { counts, dateRange, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}
