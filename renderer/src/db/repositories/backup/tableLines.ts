import type { Table } from 'dexie';
import type { PayloadChunks } from '@shared/package/payloadChunks';
import { utf8 } from '@shared/package/payloadChunks';
import type { DeskDatabase } from '../../database';

/**
 * Meta rows that belong to this machine, not to the office's data: the desk's package
 * keys are non-extractable WebCrypto keys (no JSON, and no bytes to copy by design).
 * A restore keeps the restoring desk's own.
 */
export const machineMetaKeys: readonly string[] = ['packageKeys'];

/** Rows per NDJSON line: small enough that no line is a large string. */
const rowsPerLine = 2_000;

export interface DumpProgress {
  table: string;
  done: number;
  total: number;
}

/**
 * Every table of the store, table by table in primary-key order, as NDJSON lines
 * `{"table":…,"rows":[…]}`. `counts` fills as the lines are read.
 */
export function tableLines(
  db: DeskDatabase,
  counts: Record<string, number>,
  onProgress?: (progress: DumpProgress) => void,
): PayloadChunks {
  return (async function* lines() {
    const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
    const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    let done = 0;
    for (const table of tables) {
      counts[table.name] = 0;
      for await (const page of pagesOf(table)) {
        const rows =
          table.name === 'meta'
            ? page.filter((row) => !machineMetaKeys.includes((row as { key: string }).key))
            : page;
        counts[table.name] = (counts[table.name] ?? 0) + rows.length;
        done += page.length;
        onProgress?.({ table: table.name, done, total });
        if (rows.length > 0) yield utf8(`${JSON.stringify({ table: table.name, rows })}\n`);
      }
    }
  })();
}

async function* pagesOf(table: Table): AsyncGenerator<unknown[]> {
  let last: unknown = null;
  for (;;) {
    const query = last === null ? table.toCollection() : table.where(':id').above(last);
    const [page, keys] = await Promise.all([
      query.clone().limit(rowsPerLine).toArray(),
      query.clone().limit(rowsPerLine).primaryKeys(),
    ]);
    if (page.length === 0) return;
    last = keys[keys.length - 1];
    yield page;
    if (page.length < rowsPerLine) return;
  }
}
