/**
 * A realistic township office, deterministic by seed: persons in households (valid
 * GB 11643 resident IDs whose birth date and sex match), 低保 cases on some of the
 * households, elderly-care institutions (buildings, rooms, beds) with residents drawn
 * from the office's elderly persons and their movements (admissions, bed changes,
 * discharges), and community service records given by staff and volunteers. Pure TS:
 * runs in Node (sync bench) and in the Chromium page (store bench).
 *
 * The records are made the way the write path makes them (the kind's zod schema and
 * derive: normalized ID, search tokens; envelope stamped with UUIDv7 and an hlc), but
 * without one transaction per record: this is the bench's LOAD fast path, not a
 * measured operation. Measured operations always go through the real write path,
 * repositories and sync store.
 */
import { actingRoleFor } from '@shared/authority/kindWriters';
import type { LocalRole } from '@shared/domain/roles';
import { formatHlc } from '@shared/clock/hlc';
import { projectStays, type MovementEvent } from '@shared/domain/elderlyCare/projection';
import { recordMetaKeys, type StoredRecord } from '@shared/records/envelope';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import { benefitInputOf, computeCaseBenefit } from '@shared/benefit/caseBenefit';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { newRecordId } from '@shared/records/ids';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { ServerChange } from '@shared/sync/protocol';
import { seededRandom } from '../support/seededRandom';
import { generateCommunity } from './generateCommunity';
import { generateElderlyCare } from './generateElderlyCare';
import {
  areaCode,
  residentIds,
  benchStandards,
  dayOf,
  isoDay,
  personName,
  surnames,
  villages,
  type PersonRef,
} from './generatorParts';

export interface OfficeSize {
  persons: number;
  cases: number;
  /** 养老机构; each with `bedsPerInstitution` beds, residents and movements. Default 0. */
  institutions?: number;
  bedsPerInstitution?: number;
  /** Registered volunteers (persons of the office) named on service records. Default 0. */
  volunteers?: number;
  /** 社区服务 records (home visits, consultations, volunteer activities). Default 0. */
  serviceRecords?: number;
}

export const quickSize: OfficeSize = {
  persons: 5_000,
  cases: 500,
  institutions: 1,
  bedsPerInstitution: 30,
  volunteers: 30,
  serviceRecords: 1_000,
};
export const fullSize: OfficeSize = {
  persons: 200_000,
  cases: 20_000,
  institutions: 3,
  bedsPerInstitution: 300,
  volunteers: 300,
  serviceRecords: 50_000,
};

export interface GeneratedRecord {
  kind: RecordKind;
  record: StoredRecord<Record<string, unknown>>;
}

/** Makes records as the write path would (schema + derive + envelope), for one device. */
export class RecordStamper {
  private wallMs: number;
  private counter = 0;

  constructor(
    readonly officeId: string,
    readonly deviceId: string,
    readonly actor: QueueEntry['actor'],
    startMs: number,
  ) {
    this.wallMs = startMs;
  }

  stamp<K extends RecordKind>(kind: K, data: object, id = newRecordId()): GeneratedRecord {
    const definition = kindDefinitions[kind];
    const parsed = definition.schema.parse({ ...data, searchTokens: [] });
    const derived = (definition.derive as (d: unknown) => object)(parsed);
    this.counter += 1;
    if (this.counter > 900_000) {
      this.wallMs += 1;
      this.counter = 0;
    }
    const hlc = formatHlc({ wallMs: this.wallMs, counter: this.counter, node: this.deviceId });
    const at = new Date(this.wallMs).toISOString();
    return {
      kind,
      record: {
        ...derived,
        id,
        officeId: this.officeId,
        version: 1,
        hlc,
        createdAt: at,
        createdBy: this.actor.userId,
        updatedAt: at,
        updatedBy: this.actor.userId,
        deleted: false,
        hqVersion: 0,
      } as StoredRecord<Record<string, unknown>>,
    };
  }
}

/**
 * The stamper's actor as the account HQ checks its ops against: an administrator's own
 * record, made first on its desk (HQ accepts that once per device, as at a first run),
 * of a small office's administrator who also registers: the office's casework is its
 * work as registrar (createOps names that role on casework ops).
 */
export function accountRecord(stamper: RecordStamper): GeneratedRecord {
  const { actor } = stamper;
  if (actor.role !== 'admin') throw new Error('The bench account is an administrator.');
  const account = {
    username: 'bench-admin',
    displayName: actor.name,
    roles: benchRoles(actor.role),
    disabled: false,
    deviceId: stamper.deviceId,
  };
  return stamper.stamp('staffMember', account, actor.userId);
}

/**
 * The office in the order a registrar creates it: each household's members, the
 * household, then (for some households) its 低保 case. Same seed, same office (ids
 * are UUIDv7 and differ per run; names, ID numbers and structure do not).
 */
export function generateOffice(
  seed: number,
  size: OfficeSize,
  stamper: RecordStamper,
): GeneratedRecord[] {
  const rng = seededRandom(seed);
  const out: GeneratedRecord[] = [];
  const residentIdFor = residentIds();
  const today = dayOf('2026-03-01');
  const casesEvery = Math.max(1, Math.round(size.persons / 3 / Math.max(1, size.cases)));
  let persons = 0;
  let cases = 0;
  let households = 0;
  const registry: PersonRef[] = [];
  while (persons < size.persons) {
    households += 1;
    const hukouType = rng.chance(0.6) ? 'rural' : 'urban';
    const village = rng.pick(villages) ?? '东村';
    const address = `城关镇${village}${rng.int(1, 200)}号`;
    const headAge = rng.int(28, 88);
    const headBirth = today - headAge * 365 - rng.int(0, 364);
    const headMale = rng.chance(0.6);
    const surname = rng.pick(surnames) ?? '王';
    const plan: { relation: string; birth: number; male: boolean; name: string }[] = [
      { relation: 'self', birth: headBirth, male: headMale, name: personName(rng, surname) },
    ];
    const memberCount = Math.min(rng.int(1, 5), size.persons - persons);
    if (memberCount >= 2) {
      plan.push({
        relation: 'spouse',
        birth: headBirth + rng.int(-1500, 1500),
        male: !headMale,
        name: personName(rng),
      });
    }
    for (let i = 2; i < memberCount; i++) {
      // A child the head's age would have born in the future is a young child instead,
      // its birth spread over six years (no draw: the office after it stays the same).
      const due = headBirth + rng.int(20, 40) * 365;
      const childBirth = due <= today - 200 ? due : today - 200 - ((households * 7 + i) % 2190);
      plan.push({
        relation: 'child',
        birth: childBirth,
        male: rng.chance(0.5),
        name: personName(rng, surname),
      });
    }
    const personRecords = plan.map((member) => {
      const birthDate = isoDay(member.birth);
      const age = (today - member.birth) / 365;
      const grade = rng.chance(0.06) ? rng.int(1, 4) : 0;
      return stamper.stamp('person', {
        name: member.name,
        idType: 'resident',
        idNumber: residentIdFor(member.birth, member.male),
        sex: member.male ? 'male' : 'female',
        birthDate,
        phone:
          age >= 16 && rng.chance(0.7)
            ? `13${String(rng.int(0, 999_999_999)).padStart(9, '0')}`
            : '',
        hukouType,
        hukouAddress: address,
        currentAddress: address,
        disabilityGrade: grade,
        disabilityType: grade > 0 ? 'physical' : null,
        disabilityCertNo: '',
        seriousIllness: rng.chance(0.04),
        illnessNote: '',
        workCapacity: age < 16 || age > 70 ? 'none' : rng.chance(0.7) ? 'full' : 'partial',
        student: age >= 6 && age < 22,
        householdId: null,
      });
    });
    const householdId = newRecordId();
    for (const p of personRecords) {
      p.record.householdId = householdId;
      registry.push(p.record as unknown as PersonRef);
    }
    out.push(...personRecords);
    persons += personRecords.length;
    const head = personRecords[0]?.record as unknown as { id: string; name: string };
    out.push(
      stamper.stamp(
        'household',
        {
          headPersonId: head.id,
          headName: head.name,
          members: personRecords.map((p, i) => ({
            personId: p.record.id,
            relation: plan[i]?.relation ?? 'other',
          })),
          areaCode,
          hukouType,
          villageName: village,
          address,
        },
        householdId,
      ),
    );
    if (cases < size.cases && (households % casesEvery === 0 || persons >= size.persons)) {
      cases += 1;
      // Within the county standard's period (HQ recomputes each case's benefit with it).
      const applicationDate = isoDay(today - rng.int(0, 59));
      const wages = rng.int(0, 80_000);
      const depositsFen = rng.int(0, 2_000_000);
      const income = { wagesFen: wages, businessFen: 0, propertyFen: 0, transferFen: 0 };
      const assets = {
        depositsFen,
        securitiesFen: 0,
        vehicles: 0,
        extraHousingUnits: 0,
        note: '',
      };
      const coveredPersonIds = personRecords.map((p) => p.record.id);
      const benefit = computeCaseBenefit(
        benefitInputOf({
          areaCode,
          category: hukouType,
          coveredPersonIds,
          income,
          deductionsFen: 0,
          assets,
          applicationDate,
        }),
        benchStandards,
        defaultOfficeSettings,
      );
      out.push(
        stamper.stamp('assistanceCase', {
          programme: 'dibao',
          householdId,
          applicantPersonId: head.id,
          applicantName: head.name,
          category: hukouType,
          areaCode,
          coveredPersonIds,
          income,
          deductionsFen: 0,
          assets,
          applicationDate,
          benefit,
          status: 'draft',
          statusChangedAt: `${applicationDate}T09:00:00.000Z`,
          acceptedOn: null,
          noticeStartedOn: null,
          noticeEnd: null,
          decisionDue: null,
        }),
      );
    }
  }
  out.push(...generateElderlyCare(rng, size, stamper, registry, today));
  out.push(...generateCommunity(rng, size, stamper, registry, today));
  return out;
}

/** How many records of each kind, for the bench's description of the load. */
export function countsByKind(
  records: readonly GeneratedRecord[],
): Partial<Record<RecordKind, number>> {
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const { kind } of records) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/**
 * The stays a desk holds for the generated movements (kind scope 'local': replayed
 * from the movements on every desk, never synced), as the write path stores them: one
 * per stay, its id the id of the movement that opened it. For loaders that fill a desk
 * directly; throws if the movements do not replay (a double booking, a bad order).
 */
export function localStays(
  records: readonly GeneratedRecord[],
  stamper: RecordStamper,
): GeneratedRecord[] {
  const byResident = new Map<string, MovementEvent[]>();
  for (const { kind, record } of records) {
    if (kind !== 'elderlyMovement') continue;
    const movement = record as unknown as MovementEvent;
    const list = byResident.get(movement.residentId) ?? [];
    list.push(movement);
    byResident.set(movement.residentId, list);
  }
  const out: GeneratedRecord[] = [];
  for (const [residentId, movements] of byResident) {
    const projected = projectStays(movements);
    if (!projected.ok) {
      throw new Error(`Movements of ${residentId} do not replay: ${projected.error.code}`);
    }
    for (const [id, stay] of projected.stays) out.push(stamper.stamp('elderlyStay', stay, id));
  }
  return out;
}

const isOfficeRecord = ({ kind }: GeneratedRecord) => kindDefinitions[kind].scope === 'office';

/**
 * The queue entries the write path appends for created records (seq from `firstSeq`);
 * only office-scope kinds are queued (a stay, kind scope 'local', never is).
 */
export function createOps(
  records: GeneratedRecord[],
  stamper: RecordStamper,
  firstSeq: number,
): QueueEntry[] {
  return records.filter(isOfficeRecord).map(({ kind, record }, i) => {
    const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !metaKey(key)));
    return {
      seq: firstSeq + i,
      opId: newRecordId(),
      txId: newRecordId(),
      deviceId: stamper.deviceId,
      officeId: stamper.officeId,
      kind,
      recordId: record.id,
      op: 'create',
      fields,
      baseVersion: 0,
      transition: null,
      reason: null,
      hlc: record.hlc,
      actor: {
        ...stamper.actor,
        role:
          actingRoleFor(stamper.actor.role, benchRoles(stamper.actor.role), kind) ??
          stamper.actor.role,
      },
      createdAt: record.updatedAt,
    };
  });
}

/** The roles the bench's account holds: the administrator also registers. */
function benchRoles(role: string): LocalRole[] {
  return role === 'admin' ? ['admin', 'registrar'] : [role as LocalRole];
}

const metaKeys = new Set<string>(recordMetaKeys);
const metaKey = (key: string) => metaKeys.has(key);

/** The records as HQ would send them in a pull (whole states, office stream; office kinds only). */
export function serverChanges(records: GeneratedRecord[]): ServerChange[] {
  return records.filter(isOfficeRecord).map(({ kind, record }, i) => {
    const { hqVersion: _local, ...atHq } = record;
    void _local;
    return { stream: 'office', seq: i + 1, kind, record: atHq };
  });
}
