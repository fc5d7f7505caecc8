import type { RecordKind } from '@shared/records/kinds';
import type { ServerChange } from '@shared/sync/protocol';
import { recordTable, type DeskDatabase, type RevisionRow } from '../db/database';

/** A stored record as far as sync needs to know it. */
export interface Versioned {
  id: string;
  version?: number;
  hlc?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/** A page's writes, gathered per kind and written in bulk at the end. */
export class PageWrites {
  private readonly puts = new Map<RecordKind, Map<string, Record<string, unknown> | null>>();
  readonly revisions: RevisionRow[] = [];
  /** Stored versions read ahead by preload(), per kind. */
  private readonly stored = new Map<RecordKind, Map<string, Versioned | undefined>>();

  constructor(private readonly db: DeskDatabase) {}

  put(kind: RecordKind, record: Record<string, unknown>): void {
    this.of(kind).set(String(record.id), record);
  }

  remove(kind: RecordKind, id: string): void {
    this.of(kind).set(id, null);
  }

  /**
   * Reads the stored versions of these records with one bulkGet per kind, so current()
   * needs no read per record (a page of service records once waited on a get each).
   */
  async preload(changes: readonly ServerChange[]): Promise<void> {
    const idsByKind = new Map<RecordKind, string[]>();
    for (const c of changes) {
      const kind = c.kind as RecordKind;
      const ids = idsByKind.get(kind) ?? [];
      ids.push(String(c.record.id));
      idsByKind.set(kind, ids);
    }
    for (const [kind, ids] of idsByKind) {
      const rows = await recordTable(this.db, kind).bulkGet(ids);
      const stored = new Map<string, Versioned | undefined>();
      ids.forEach((id, i) => stored.set(id, rows[i] as Versioned | undefined));
      this.stored.set(kind, stored);
    }
  }

  /**
   * The record as this page leaves it so far, else as preload() read it. Synchronous on
   * purpose: a thousand awaits in a row with no IndexedDB request between them lose
   * Dexie's transaction zone, and the transaction commits under the page's feet.
   */
  current(kind: RecordKind, id: string): Versioned | undefined {
    const staged = this.of(kind);
    if (staged.has(id)) return (staged.get(id) ?? undefined) as Versioned | undefined;
    const preloaded = this.stored.get(kind);
    if (!preloaded?.has(id)) throw new Error(`${kind} ${id} was not preloaded for this page.`);
    return preloaded.get(id);
  }

  async flush(): Promise<void> {
    for (const [kind, records] of this.puts) {
      const table = recordTable(this.db, kind);
      const deletes = [...records].filter(([, r]) => r === null).map(([id]) => id);
      const puts = [...records.values()].filter((r): r is Record<string, unknown> => r !== null);
      if (deletes.length > 0) await table.bulkDelete(deletes);
      if (puts.length > 0) await table.bulkPut(puts as never[]);
    }
    if (this.revisions.length > 0) await this.db.revisions.bulkPut(this.revisions);
  }

  private of(kind: RecordKind) {
    let staged = this.puts.get(kind);
    if (!staged) {
      staged = new Map();
      this.puts.set(kind, staged);
    }
    return staged;
  }
}
