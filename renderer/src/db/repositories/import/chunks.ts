import type { ImportProgress } from './importRun';

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
