import { formatHlc, parseHlc, tickHlc, type Hlc } from '@shared/clock/hlc';
import type { DeskDatabase } from './database';

/**
 * Per-device counters kept in the meta table and advanced only inside a write
 * transaction, so they move together with the records and queue entries they stamp.
 */
const seqKey = 'deviceSeq';
const hlcKey = 'hlc';

interface CounterValues {
  seq: number;
  hlc: Hlc | null;
}

/**
 * The device seq and the clock for one write transaction: read together once (started
 * as the transaction opens, so the read runs while the input is validated) and written
 * together once at its end. A save is the registrar's most frequent wait; two reads and
 * two writes of `meta` per stamped record were most of what it paid over a raw put.
 */
export class DeviceCounters {
  private values: Promise<CounterValues> | null = null;
  private seqChanged = false;
  private hlcChanged = false;

  constructor(private readonly db: DeskDatabase) {}

  /** Starts the read without waiting for it; must run inside the write transaction. */
  prefetch(): void {
    this.values ??= this.db.meta.bulkGet([seqKey, hlcKey]).then(([seq, hlc]) => ({
      seq: typeof seq?.value === 'number' ? seq.value : 0,
      hlc: typeof hlc?.value === 'string' ? parseHlc(hlc.value) : null,
    }));
    // A write that fails validation never waits for this read; its transaction's abort
    // must not surface as an unhandled rejection. Whoever awaits it still sees the error.
    this.values.catch(() => undefined);
  }

  async nextSeq(): Promise<number> {
    const values = await this.load();
    values.seq += 1;
    this.seqChanged = true;
    return values.seq;
  }

  async nextHlc(nowMs: number, deviceId: string): Promise<string> {
    const values = await this.load();
    values.hlc = tickHlc(values.hlc, nowMs, deviceId);
    this.hlcChanged = true;
    return formatHlc(values.hlc);
  }

  /** Writes what this transaction advanced (nothing when it stamped nothing). */
  async save(): Promise<void> {
    if (!this.values || !(this.seqChanged || this.hlcChanged)) return;
    const { seq, hlc } = await this.values;
    const rows = [
      ...(this.seqChanged ? [{ key: seqKey, value: seq }] : []),
      ...(this.hlcChanged && hlc ? [{ key: hlcKey, value: formatHlc(hlc) }] : []),
    ];
    this.seqChanged = false;
    this.hlcChanged = false;
    await this.db.meta.bulkPut(rows);
  }

  private load(): Promise<CounterValues> {
    this.prefetch();
    return this.values as Promise<CounterValues>;
  }
}
