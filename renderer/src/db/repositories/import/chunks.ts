import type { RosterDefinition } from '@shared/import/roster';
import { cellsOf, type ColumnMapping, type RowProblem } from '@shared/import/types';
import type { ImportProgress } from './importRun';
import type { RosterSheet } from './readSheet';

/** How many rows a dry run reads before it lets the window draw. */
export const dryRunChunk = 500;

const yieldToWindow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `work` over row indexes [start, end) chunk by chunk, reporting progress and
 * yielding to the window between chunks (outside any transaction: a dry run reads only).
 */
export async function inChunks(
  total: number,
  work: (start: number, end: number) => Promise<void>,
  onProgress: (p: ImportProgress) => void,
): Promise<void> {
  for (let start = 0; start < total; start += dryRunChunk) {
    const end = Math.min(total, start + dryRunChunk);
    await work(start, end);
    onProgress({ done: end, total });
    await yieldToWindow();
  }
}

/**
 * A dry run's read loop: every sheet row through the roster's own row checks, chunk by
 * chunk, the row problems added to `problems`, each chunk's good rows handed to `judge`
 * (its store lookups are per chunk, by index, never the whole table).
 */
export async function readRowsInChunks<F extends string, R>(
  input: { sheet: RosterSheet; mapping: ColumnMapping<F>; today: string },
  roster: RosterDefinition<F, R>,
  problems: RowProblem[],
  judge: (good: { row: number; value: R }[]) => Promise<void>,
  onProgress: (p: ImportProgress) => void,
): Promise<void> {
  const { sheet, mapping, today } = input;
  await inChunks(
    sheet.rows.length,
    async (start, end) => {
      const good: { row: number; value: R }[] = [];
      for (let row = start; row < end; row++) {
        const cells = cellsOf(sheet.rows[row] ?? [], mapping);
        const { value, problems: own } = roster.readRow(cells, row, today);
        problems.push(...own);
        if (value) good.push({ row, value });
      }
      await judge(good);
    },
    onProgress,
  );
}
