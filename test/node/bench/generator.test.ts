import { afterEach, describe, expect, it } from 'vitest';
import { recordMetaKeys } from '@shared/records/envelope';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { recordTable } from '../../../renderer/src/db/database';
import {
  countsByKind,
  createOps,
  generateOffice,
  localStays,
  quickSize,
  RecordStamper,
  type GeneratedRecord,
  type OfficeSize,
} from '../../bench/generator';
import { dayOf, residentIds } from '../../bench/generatorParts';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * The bench's office generator: every record is what the write path would store (the
 * kind's schema, derive and rules, as HQ's commitChange checks a merged record), the
 * office is the same for a seed, and HQ accepts all of its ops.
 */
const small: OfficeSize = {
  persons: 600,
  cases: 30,
  institutions: 2,
  bedsPerInstitution: 12,
  volunteers: 8,
  serviceRecords: 60,
};
const actor = { userId: 'user-registrar', name: '王登记', role: 'registrar' } as const;
const metaKeys = new Set<string>(recordMetaKeys);
const fieldsOf = (record: GeneratedRecord['record']) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !metaKeys.has(key)));

function generate(seed: number, size = small) {
  const stamper = new RecordStamper('office-gen', 'device-gen', actor, Date.now());
  return { stamper, records: generateOffice(seed, size, stamper) };
}

/** The office with ids numbered by first appearance: equal for equal structure. */
function shape(records: readonly GeneratedRecord[]): string {
  const ids = new Map<string, number>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return records
    .map(({ kind, record }) =>
      `${kind} ${JSON.stringify(fieldsOf(record))}`.replace(uuid, (id) => {
        if (!ids.has(id)) ids.set(id, ids.size);
        return `#${ids.get(id)}`;
      }),
    )
    .join('\n');
}

/** HQ's check of a record (commitChange's validateAndDerive): schema, derive, rules. */
function hqCheck(kind: RecordKind, data: Record<string, unknown>, today: string) {
  const definition = kindDefinitions[kind];
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) return { error: parsed.error.message };
  const derived = (definition.derive as (d: unknown) => Record<string, unknown>)(parsed.data);
  const issues = (definition.domainIssues as (d: unknown, t: string) => unknown[])(derived, today);
  return { derived, issues };
}

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe('bench office generator', () => {
  it('makes every record as the write path stores it and HQ validates it', () => {
    const { stamper, records } = generate(3);
    const counts = countsByKind(records);
    expect(counts).toMatchObject({
      elderlyInstitution: 2,
      elderlyBed: 24,
      volunteer: 8,
      communityService: 60,
    });
    for (const kind of [
      'person',
      'household',
      'assistanceCase',
      'elderlyBuilding',
      'elderlyRoom',
      'elderlyResident',
      'elderlyAssessment',
      'elderlyContract',
      'elderlyMovement',
    ] as const) {
      expect(counts[kind], kind).toBeGreaterThan(0);
    }
    expect(counts.elderlyStay).toBeUndefined();
    const movementTypes = new Set(
      records.flatMap(({ kind, record }) => (kind === 'elderlyMovement' ? [record.type] : [])),
    );
    expect(movementTypes).toEqual(new Set(['admit', 'change_bed', 'discharge']));

    const today = new Date().toISOString().slice(0, 10);
    const stays = localStays(records, stamper);
    expect(stays.length).toBeGreaterThanOrEqual(counts.elderlyResident ?? 0);
    for (const { kind, record } of [...records, ...stays]) {
      const fields = fieldsOf(record);
      const checked = hqCheck(kind, fields, today);
      expect(checked, `${kind} ${record.id}`).not.toHaveProperty('error');
      expect(checked.issues, `${kind} ${record.id}`).toEqual([]);
      // Derived fields (search tokens, durations, index keys) as HQ recomputes them.
      expect(checked.derived, `${kind} ${record.id}`).toEqual(fields);
    }
  });

  it('gives each person an ID number of their own, and no birth date a crowd', () => {
    // 20,000 persons: the heads' children who would be born after the office's "today"
    // all fell on one date before, and that date's 1,000 numbers came round again (seed
    // 31 gave three pairs, the 200,000-person bench office 993).
    const { records } = generate(31, { persons: 20_000, cases: 0 });
    const persons = records.filter((r) => r.kind === 'person').map((r) => r.record);
    expect(persons).toHaveLength(20_000);
    const ids = new Set(persons.map((p) => p.idNumber));
    expect(ids.size).toBe(persons.length);
    const born = new Map<unknown, number>();
    for (const p of persons) born.set(p.birthDate, (born.get(p.birthDate) ?? 0) + 1);
    expect(Math.max(...born.values())).toBeLessThan(20);
  });

  it('refuses a 501st person of one sex born on one day rather than repeat a number', () => {
    const idFor = residentIds();
    const day = dayOf('1990-05-01');
    const men = Array.from({ length: 500 }, () => idFor(day, true));
    const women = Array.from({ length: 500 }, () => idFor(day, false));
    expect(new Set([...men, ...women]).size).toBe(1000);
    expect(men.every((id) => Number(id[16]) % 2 === 1)).toBe(true);
    expect(() => idFor(day, true)).toThrow('more than 500 persons of one sex born 1990-05-01');
    expect(idFor(day + 1, true)).toMatch(/^33010219900502001/);
  });

  it('is deterministic for a seed', () => {
    const a = shape(generate(11).records);
    expect(shape(generate(11).records)).toBe(a);
    expect(shape(generate(12).records)).not.toBe(a);
  });

  it('keeps the existing callers’ office when the new sizes are left out', () => {
    const persons = { persons: small.persons, cases: small.cases };
    const kinds = new Set(generate(5, persons).records.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['person', 'household', 'assistanceCase']));
    expect(quickSize.institutions).toBe(1);
  });

  it('queues office kinds only, and HQ accepts every op', async () => {
    hq = await startHq({ storage: { kind: 'sqlite', serverUrl: null } });
    const desk = await openOfficeDesk('office-gen', 'gen');
    await enroll(desk, hq);
    await sync(desk); // the desk's own settings op and the reference data

    const stamper = new RecordStamper(desk.officeId, desk.deviceId, desk.ctx.actor, Date.now());
    const records = generateOffice(21, small, stamper);
    const stays = localStays(records, stamper);
    const seqRow = await desk.db.meta.get('deviceSeq');
    const firstSeq = (typeof seqRow?.value === 'number' ? seqRow.value : 0) + 1;
    const ops = createOps([...records, ...stays], stamper, firstSeq);
    expect(ops).toHaveLength(records.length);
    expect(ops.some((op) => op.kind === 'elderlyStay')).toBe(false);
    for (const { kind, record } of records) await recordTable(desk.db, kind).put(record as never);
    await desk.db.queue.bulkAdd(ops);
    await desk.db.meta.put({ key: 'deviceSeq', value: firstSeq + ops.length - 1 });

    const report = await sync(desk);
    expect(report.rejected).toBe(0);
    expect(report.conflicts).toBe(0);
    expect(report.pushed).toBe(ops.length);
    expect(await desk.db.queue.count()).toBe(0);

    const atHq = await hqOfficeRecords(hq.hq, desk.officeId);
    for (const { kind, record } of records) {
      const held = atHq.get(`${kind}:${record.id}`);
      expect(held, `${kind} ${record.id}`).toBeDefined();
      expect(held?.data).toEqual(fieldsOf(record));
    }
    expect([...atHq.values()].some((r) => r.kind === 'elderlyStay')).toBe(false);

    // A second desk pulls the office and replays the stays from the movements.
    const other = await openOfficeDesk('office-gen', 'other');
    await enroll(other, hq);
    await sync(other);
    expect(await other.db.table('elderlyMovements').count()).toBe(
      countsByKind(records).elderlyMovement,
    );
    const replayed = (await other.db.table('elderlyStays').toArray()) as Record<string, unknown>[];
    const byId = new Map(replayed.map((s) => [s.id, s]));
    for (const { record } of stays) {
      expect(byId.get(record.id), record.id).toMatchObject(fieldsOf(record));
    }
    expect(replayed).toHaveLength(stays.length);
  });
});
