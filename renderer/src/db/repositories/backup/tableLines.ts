import type { Table } from 'dexie';
import type { PayloadChunks } from '@shared/package/payloadChunks';
import { utf8 } from '@shared/package/payloadChunks';
import type { DeskDatabase } from '../../database';
import { atRestMetaKey } from '../../atRest/atRestRow';
import { passwordWrapsMetaKey } from '../../atRest/passwordWraps';
import { recoveryWrapMetaKey } from '../../atRest/recoveryWrap';
import { deviceKeysBeforeEncryptionMetaKey, deviceKeysMetaKey } from '../../atRest/sealedMetaKeys';

/**
 * Meta rows that belong to this machine, not to the office's data: the desk's package
 * keys (its private keys leave it in no file; a pair from before encryption is key
 * objects, no JSON); the store's at-rest key id and its password wraps name the key THIS
 * store is sealed under (a restore seals the backup's rows under it). A restore keeps the
 * desk's own.
 */
export const machineMetaKeys: readonly string[] = [
  deviceKeysMetaKey,
  deviceKeysBeforeEncryptionMetaKey,
  atRestMetaKey,
  passwordWrapsMetaKey,
  recoveryWrapMetaKey,
];

/** Rows per NDJSON line: small enough that no line is a large string. */
const rowsPerLine = 2_000;

export interface DumpProgress {
  table: string;
  done: number;
  total: number;
}

/**
 * Every table of the store, table by table in primary-key order, as NDJSON lines
 * `{"table":…,"rows":[…]}`. `counts` fills as the lines are read. Each page is its own
 * read, so a save made meanwhile can land between tables: makeBackup reads through
 * snapshot.ts (one transaction) instead; this serves sealBackup's streamed form.
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

/** Rows read at a time; the next page is asked for while this one is serialized. */
const readPage = 10_000;

/**
 * The table in primary-key order, a page at a time. Every desk table has an inbound
 * primary key (a key path), so a page's last key is read off its last row.
 */
async function* pagesOf(table: Table): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`table ${table.name}: no simple key path`);
  const read = (after: unknown) =>
    (after === null ? table.toCollection() : table.where(':id').above(after))
      .limit(readPage)
      .toArray();
  let next: Promise<unknown[]> = read(null);
  try {
    for (;;) {
      const page = await next;
      const last = page[page.length - 1] as Record<string, unknown> | undefined;
      if (!last) return;
      next = page.length < readPage ? Promise.resolve([]) : read(last[keyPath]);
      for (let at = 0; at < page.length; at += rowsPerLine) yield page.slice(at, at + rowsPerLine);
    }
  } finally {
    next.catch(() => undefined); // a read left over when the consumer stopped early
  }
}
