import type { Transaction } from 'kysely';
import type { HqTables } from '../db/schema';
import {
  appendChanges,
  currentSeq,
  insertNumberedChanges,
  type ChangeRow,
  type NumberedChange,
} from '../store/changeLog';
import { loadRecord, loadRecords, recordKey, saveRecord, saveRecords } from '../store/recordStore';
import type { RecordState } from './merge';

/**
 * Where `commitChange` reads records and writes records and change-log rows, for one
 * stream whose lock the caller holds. A change made at HQ itself writes straight to
 * the database (`directWork`); a push batch or package stages its writes (`StagedWork`).
 */
export interface RecordWork {
  load(officeId: string, kind: string, id: string): Promise<RecordState | null>;
  save(state: RecordState, isNew: boolean): Promise<void>;
  /** Appends rows to the stream (made at `now`); returns their numbers, in order. */
  append(rows: ChangeRow[], now: Date): Promise<number[]>;
  /** The stream's last sequence number, counting what was appended through this. */
  currentSeq(): Promise<number>;
}

/** Every read and write goes to the database at once (one change at a time). */
export function directWork(trx: Transaction<HqTables>, stream: string): RecordWork {
  return {
    load: (officeId, kind, id) => loadRecord(trx, officeId, kind, id),
    save: (state, isNew) => saveRecord(trx, state, isNew),
    append: (rows, now) => appendChanges(trx, stream, rows, now),
    currentSeq: () => currentSeq(trx, stream),
  };
}

/**
 * A batch's records and change-log rows, held in memory and written together by
 * `flush`: the records a run of ops touches are read in a few queries (`preload`), not
 * one per op, and written with multi-row statements. Reads see the batch's own writes
 * (an op on a record an earlier op of the batch created or changed merges with that
 * state), because every record read or written since the last flush is in `known`.
 *
 * Sound only under the stream's lock, taken before the first read: no one else writes
 * the office's records or numbers its stream until the transaction ends, so the staged
 * numbers (counted from `lockStream`'s answer) are the ones the rows get.
 */
export class StagedWork implements RecordWork {
  /** Records read or written since the last flush (null: HQ holds no such record). */
  private known = new Map<string, RecordState | null>();
  private dirty = new Map<string, RecordState>();
  private rows: NumberedChange[] = [];

  constructor(
    private readonly trx: Transaction<HqTables>,
    private readonly stream: string,
    private lastSeq: number,
  ) {}

  /** Reads the office's records for these keys in one go (those not known already). */
  async preload(officeId: string, keys: { kind: string; id: string }[]): Promise<void> {
    const missing = keys.filter((k) => !this.known.has(recordKey(officeId, k.kind, k.id)));
    if (missing.length === 0) return;
    const found = await loadRecords(this.trx, officeId, missing);
    for (const k of missing) {
      const key = recordKey(officeId, k.kind, k.id);
      this.known.set(key, found.get(key) ?? null);
    }
  }

  async load(officeId: string, kind: string, id: string): Promise<RecordState | null> {
    const key = recordKey(officeId, kind, id);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    // Not preloaded (an op outside the preloaded run): the database still holds it as
    // is, since everything written since the last flush is in `known`.
    const state = await loadRecord(this.trx, officeId, kind, id);
    this.known.set(key, state);
    return state;
  }

  save(state: RecordState): Promise<void> {
    const key = recordKey(state.officeId, state.kind, state.id);
    this.known.set(key, state);
    this.dirty.set(key, state);
    return Promise.resolve();
  }

  append(rows: ChangeRow[], now: Date): Promise<number[]> {
    const seqs = rows.map((row) => {
      this.lastSeq += 1;
      this.rows.push({ ...row, seq: this.lastSeq, at: now });
      return this.lastSeq;
    });
    return Promise.resolve(seqs);
  }

  currentSeq(): Promise<number> {
    return Promise.resolve(this.lastSeq);
  }

  /**
   * Writes what is staged (each record once, in its last state) and forgets what it
   * read, so a long package holds one run of records in memory at a time.
   */
  async flush(): Promise<void> {
    await saveRecords(this.trx, [...this.dirty.values()]);
    await insertNumberedChanges(this.trx, this.stream, this.rows, this.lastSeq);
    this.known.clear();
    this.dirty.clear();
    this.rows = [];
  }
}
