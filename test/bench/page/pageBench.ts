/**
 * The store bench inside Chromium (real IndexedDB on an on-disk profile), served by
 * Vite's dev server (test/bench/chromiumBench.ts). test/bench/main.ts calls these
 * through page.evaluate; every measured call goes through the real write path,
 * repositories and sync store. The office is loaded by the generator's fast path.
 */
import { residentIdCheckChar } from '@shared/identity/residentId';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { DeskDatabase, recordTable, recordTableNames } from '../../../renderer/src/db/database';
import { measureGridPages } from './gridMeasure';
import { measureCasePages } from './casesGridMeasure';
import { measureHouseholdPages } from './householdsGridMeasure';
import { measureServicePages } from './servicesGridMeasure';
import { measureSearchQueries } from './searchMeasure';
import { createSettingsIn, ensureDeviceId } from '../../../renderer/src/db/repositories/settings';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { write } from '../../../renderer/src/db/writePath';
import { DexieSyncStore } from '../../../renderer/src/sync/dexieSyncStore';
import { openTestDesk, personInput, testOfficeId, testSettings } from '../../fakes/deskFixtures';
import {
  createOps,
  generateOffice,
  RecordStamper,
  serverChanges,
  type GeneratedRecord,
  type OfficeSize,
} from '../generator';
import { seededRandom } from '../../support/seededRandom';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { useTestDataKeys } from '../../support/testDataKeys';
import { bulkLoad } from '../bulkLoad';

useTestDataKeys();

export interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { samples: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)) };
}

/** The generated persons' surnames (first character), in order. */
const surnamesOf = (records: GeneratedRecord[]) =>
  records.filter((r) => r.kind === 'person').map((r) => String(r.record.name).slice(0, 1));

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A search measure: searchPersons, and the raw index lookup of the same queries. */
export type SearchFigure = Percentiles & {
  meanHits: number;
  raw: Percentiles & { meanHits: number };
};

const benchActor: Pick<WriteContext, 'actor' | 'now'> = {
  actor: { userId: 'user-admin', name: '管理员', role: 'admin' },
  now: () => new Date(),
};

let loaded: {
  db: DeskDatabase;
  ctx: WriteContext;
  records: GeneratedRecord[];
  /** Each person's surname, in the generated order (the grid's filters pick from it). */
  surnames?: string[];
} | null = null;

const bench = {
  /** LOAD (not measured as a target): the office as if already pulled from HQ. */
  async loadOffice(seed: number, size: OfficeSize) {
    const t0 = performance.now();
    const { db, ctx } = await openTestDesk();
    const stamper = new RecordStamper(ctx.officeId, 'hq-seed-device', ctx.actor, Date.now());
    const records = generateOffice(seed, size, stamper);
    for (const r of records) r.record.hqVersion = 1;
    const t1 = performance.now();
    await bulkLoad(db, records);
    const t2 = performance.now();
    loaded = { db, ctx, records };
    return {
      records: records.length,
      persons: await db.persons.count(),
      households: await db.households.count(),
      cases: await db.cases.count(),
      generateMs: Math.round(t1 - t0),
      loadMs: Math.round(t2 - t1),
    };
  },

  /**
   * Form save of a new person through the real write path (validate, invariants incl.
   * the ID duplicate check, record + queue entry in one transaction) against a raw
   * two-table transaction (put the prepared record, add a prepared queue entry),
   * interleaved so both see the same database size and disk state.
   */
  async measureSave(samples: number) {
    if (!loaded) throw new Error('loadOffice first');
    const { db, ctx } = loaded;
    const stamper = new RecordStamper(ctx.officeId, ctx.deviceId, ctx.actor, Date.now());
    const real: number[] = [];
    const raw: number[] = [];
    const warmup = 10;
    for (let i = 0; i < samples + warmup; i++) {
      // A distinct area code and birth year keep these IDs clear of the generated office.
      const birth = new Date(Date.UTC(2001, 0, 1) + Math.floor(i / 400) * 86_400_000);
      const birthDate = birth.toISOString().slice(0, 10);
      const first17 = `330103${birthDate.replaceAll('-', '')}${String((i % 400) * 2 + 1).padStart(3, '0')}`;
      const input = {
        ...personInput({
          name: '赵新登',
          idNumber: first17 + residentIdCheckChar(first17),
          birthDate,
          sex: 'male',
        }),
        householdId: null,
      };
      const t0 = performance.now();
      await write(db, ctx, (w) => w.create('person', input));
      const t1 = performance.now();

      const rawFirst17 = `330104${birthDate.replaceAll('-', '')}${String((i % 400) * 2 + 1).padStart(3, '0')}`;
      const prepared = stamper.stamp('person', {
        ...input,
        idNumber: rawFirst17 + residentIdCheckChar(rawFirst17),
      });
      const [entry] = createOps([prepared], stamper, 1_000_000_000 + i) as [QueueEntry];
      const t2 = performance.now();
      await db.transaction('rw', db.persons, db.queue, async () => {
        await db.persons.put(prepared.record as never);
        await db.queue.add(entry);
      });
      const t3 = performance.now();
      if (i >= warmup) {
        real.push(t1 - t0);
        raw.push(t3 - t2);
      }
    }
    return { writePath: percentiles(real), rawTwoTable: percentiles(raw) };
  },

  /**
   * searchPersons (the repository the search box calls) by name, ID prefix, pinyin
   * initials and the ID's last 4 or 6 characters, each query also as a raw IndexedDB
   * lookup (searchMeasure.ts), the baseline of the ratio the target judges.
   */
  async measureSearch(samples: number, seed: number) {
    if (!loaded) throw new Error('loadOffice first');
    const { db, records } = loaded;
    const rng = seededRandom(seed);
    const persons = records.filter((r) => r.kind === 'person').map((r) => r.record);
    const pick = () =>
      persons[rng.int(0, persons.length - 1)] as unknown as {
        name: string;
        idNumber: string;
        searchTokens: string[];
      };
    const queries = {
      namePrefix: () => pick().name.slice(0, 2),
      idPrefix: () => pick().idNumber.slice(0, rng.int(10, 14)),
      // Five digits typed on the way to a number, the 5th at random: in an office of one
      // county mostly a digit nobody's number has (a typo), which read the whole county.
      idPrefix5: () => `${pick().idNumber.slice(0, 4)}${rng.int(0, 9)}`,
      // The last 4 or 6 characters a person reads out (issue 12): the idTails index.
      idTail4: () => pick().idNumber.slice(-4),
      idTail6: () => pick().idNumber.slice(-6),
      pinyinInitials: () => {
        const p = pick();
        const latin = p.searchTokens.filter((t) => /^[a-z]+$/.test(t));
        const initials = latin.sort((a, b) => a.length - b.length)[0] ?? 'w';
        return initials.slice(0, Math.min(3, initials.length));
      },
    };
    const result: Record<string, SearchFigure> = {};
    for (const [name, makeQuery] of Object.entries(queries)) {
      const m = await measureSearchQueries(db, makeQuery, samples);
      result[name] = {
        ...percentiles(m.times),
        meanHits: Math.round(m.hits / samples),
        raw: { ...percentiles(m.rawTimes), meanHits: Math.round(m.rawHits / samples) },
      };
    }
    return result;
  },

  /**
   * The persons table's pages (gridMeasure.ts), through the table's query function;
   * `rows`: only these rows (a trace's run leaves out the rows that walk the table).
   */
  async measureGrid(samples: number, seed: number, rows?: string[]) {
    if (!loaded) throw new Error('loadOffice first');
    const { db } = loaded;
    const rng = seededRandom(seed + 1);
    const surnames = loaded.surnames ?? surnamesOf(loaded.records);
    const surnameOf = () => surnames[rng.int(0, surnames.length - 1)] ?? '王';
    const measured = {
      ...(await measureGridPages(db, samples, rng, surnameOf, rows)),
      ...(await measureHouseholdPages(db, samples, rng, rows)),
      ...(await measureCasePages(db, samples, rng, rows)),
      ...(await measureServicePages(db, samples, rng, rows)),
    };
    const result: Record<string, Percentiles & { meanRows: number }> = {};
    for (const [name, m] of Object.entries(measured))
      result[name] = { ...percentiles(m.times), meanRows: m.rows };
    return result;
  },

  /**
   * Lets go of the generated office, keeping only its persons' surnames (what the grid's
   * filters pick from): the grid is then measured in a page whose heap holds what a
   * desk's does, not the bench's 300 MB of generated records and the load's leftovers
   * (the caller collects them: collectGarbage). Only the grid may be measured after it.
   */
  forgetGenerated() {
    if (!loaded) throw new Error('loadOffice first');
    const surnames = loaded.surnames ?? surnamesOf(loaded.records);
    loaded = { db: loaded.db, ctx: loaded.ctx, records: [], surnames };
    return { surnames: surnames.length };
  },

  /** Generates the office's pulled changes (not measured) and keeps them for the two applies. */
  prepareApply(seed: number, size: OfficeSize) {
    const stamper = new RecordStamper(
      testOfficeId,
      'hq-device-0000',
      { userId: 'user-registrar', name: '王登记', role: 'registrar' },
      Date.now(),
    );
    pendingChanges = serverChanges(generateOffice(seed, size, stamper));
    return { changes: pendingChanges.length };
  },

  /**
   * The same pages into two databases, alternating page by page: a raw Dexie bulkPut per
   * kind in one transaction per page, and the real DexieSyncStore.applyPulled as the
   * engine calls it (which also replays the stays of the page's residents). Whole runs
   * one after the other met different disks: writing gigabytes slows this machine's disk
   * for minutes, and two raw runs of one bench took 52 s and 148 s. Page by page, both
   * sides meet the same disk; which goes first alternates.
   */
  async applyBoth(pageSize: number) {
    const stamp = Date.now();
    const rawDb = new DeskDatabase(`bench-raw-${stamp}`, latestSchemaVersion, { plain: true });
    const realDb = new DeskDatabase(`bench-apply-${stamp}`);
    await rawDb.open();
    await realDb.open();
    // A desk has its device id from the first run: the stays it replays from pulled
    // movements are written (and clocked) by it. It has its office settings too (every
    // pulled office record must name that office), already pushed: the queue is empty.
    const deviceId = await ensureDeviceId(realDb);
    await write(realDb, { ...benchActor, officeId: testOfficeId, deviceId }, (w) =>
      createSettingsIn(w, testSettings),
    );
    await realDb.queue.clear();
    const store = new DexieSyncStore(realDb);
    const raw = async (page: typeof pendingChanges) => {
      const t0 = performance.now();
      await rawDb.transaction('rw', recordTableNames, async () => {
        const byKind = new Map<string, unknown[]>();
        for (const c of page) {
          const list = byKind.get(c.kind) ?? [];
          list.push({ ...c.record, hqVersion: c.record.version });
          byKind.set(c.kind, list);
        }
        for (const [kind, list] of byKind) {
          await recordTable(rawDb, kind as GeneratedRecord['kind']).bulkPut(list as never);
        }
      });
      performance.measure('apply raw', { start: t0 });
      return performance.now() - t0;
    };
    const real = async (page: typeof pendingChanges, upTo: number) => {
      const t0 = performance.now();
      await store.applyPulled(page, { office: upTo, reference: 0 });
      // In a trace (--trace FILE), each page's apply is a span.
      performance.measure('apply real', { start: t0 });
      return performance.now() - t0;
    };
    let rawMs = 0;
    let realMs = 0;
    for (let i = 0; i < pendingChanges.length; i += pageSize) {
      const page = pendingChanges.slice(i, i + pageSize);
      if ((i / pageSize) % 2 === 0) {
        rawMs += await raw(page);
        realMs += await real(page, i + page.length);
      } else {
        realMs += await real(page, i + page.length);
        rawMs += await raw(page);
      }
    }
    const stored = { raw: await rawDb.persons.count(), real: await realDb.persons.count() };
    await rawDb.delete();
    await realDb.delete();
    return {
      records: pendingChanges.length,
      rawMs: Math.round(rawMs),
      realMs: Math.round(realMs),
      stored,
    };
  },

  heapUsed() {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory?.usedJSHeapSize ?? null;
  },
};

let pendingChanges: ReturnType<typeof serverChanges> = [];

export type PageBench = typeof bench;

declare global {
  interface Window {
    bench: PageBench;
  }
}

window.bench = bench;
document.body.dataset.ready = 'true';
