import type { Table } from 'dexie';
import { gzipSink, type GzippedPayload } from '@shared/package/compression';
import { utf8 } from '@shared/package/payloadChunks';
import type { DeskDatabase } from '../../database';
import { machineMetaKeys, type DumpProgress } from './tableLines';

/** Rows per NDJSON line, as tableLines writes them. */
const rowsPerLine = 2_000;
/** Rows read at a time; the next page is asked for while this one is serialized. */
const readPage = 10_000;

export interface Snapshot {
  payload: GzippedPayload;
  /** Rows per table, as the manifest states them. */
  counts: Record<string, number>;
}

/**
 * Every table of the store, read in ONE IndexedDB read transaction and gzipped as it is
 * read: a save made during a backup waits for it (or went before it), so a backup holds a
 * record and its queue entry together or neither. Nothing inside awaits anything but its
 * own reads (the compressor is fed synchronously), else the transaction would commit
 * half-way. Only the compressed bytes are held, never a string of the whole store.
 */
export async function snapshotGzip(
  db: DeskDatabase,
  onProgress?: (progress: DumpProgress) => void,
): Promise<Snapshot> {
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  return db.transaction('r', tables, async () => {
    const sink = gzipSink();
    const counts: Record<string, number> = {};
    const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    let done = 0;
    for (const table of tables) {
      counts[table.name] = 0;
      const keyPath = table.schema.primKey.keyPath;
      if (typeof keyPath !== 'string') throw new Error(`table ${table.name}: no simple key path`);
      let next = readAfter(table, null);
      for (;;) {
        const page = await next;
        const last = page[page.length - 1] as Record<string, unknown> | undefined;
        if (!last) break;
        next = page.length < readPage ? Promise.resolve([]) : readAfter(table, last[keyPath]);
        const rows =
          table.name === 'meta'
            ? page.filter((row) => !machineMetaKeys.includes((row as { key: string }).key))
            : page;
        for (let at = 0; at < rows.length; at += rowsPerLine) {
          const line = { table: table.name, rows: rows.slice(at, at + rowsPerLine) };
          sink.push(utf8(`${JSON.stringify(line)}\n`));
        }
        counts[table.name] = (counts[table.name] ?? 0) + rows.length;
        done += page.length;
        onProgress?.({ table: table.name, done, total });
      }
    }
    return { payload: sink.finish(), counts };
  });
}

function readAfter(table: Table, after: unknown): Promise<unknown[]> {
  return (after === null ? table.toCollection() : table.where(':id').above(after))
    .limit(readPage)
    .toArray();
}
