import { AppError } from '@shared/errors/appError';
import type { PersonInput } from '@shared/domain/person';
import type {
  AssessmentData,
  ContractData,
  ResidentData,
} from '@shared/domain/elderlyCare/resident';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import { classifyQuery } from '@shared/search/searchTokens';
import type { DeskDatabase } from '../../database';
import { searchPersons } from '../persons';
import { write, type Writer } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { recordMovementIn } from './movements';
import { notFound } from './staysSync';
import { elderlyTables, live, type Assessment, type Contract, type Resident } from './tables';

/**
 * Residents: a registered person — chosen from the registry, or registered here with
 * the registry's own ID check and duplicate check (the person kind's schema and the
 * write path's one-person-per-ID rule) — plus funding, emergency contact, assessments
 * and contracts.
 */
export type ResidentPersonChoice =
  { existingPersonId: string } | { newPerson: Omit<PersonInput, 'householdId'> };

export interface NewResidentInput {
  person: ResidentPersonChoice;
  fundingCategory: ResidentData['fundingCategory'];
  emergencyContact: ResidentData['emergencyContact'];
  note?: string;
  /** The assessment made on admission, if done at the window. */
  assessment?: Omit<AssessmentData, 'residentId' | 'reason' | 'note'> & { note?: string };
  /** Reserve or admit to a bed in the same transaction (from the board). */
  placement?: { type: 'reserve' | 'admit'; bedId: string; date: string };
}

export async function registerResident(
  db: DeskDatabase,
  ctx: WriteContext,
  input: NewResidentInput,
): Promise<Resident> {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    const person = await withPath('person', () => personFor(w, input.person));
    const resident = await w.create('elderlyResident', {
      personId: person.id,
      personName: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      fundingCategory: input.fundingCategory,
      emergencyContact: input.emergencyContact,
      note: input.note ?? '',
    });
    const { assessment, placement } = input;
    if (assessment) {
      await withPath('assessment', () =>
        w.create('elderlyAssessment', {
          ...assessment,
          residentId: resident.id,
          reason: 'admission',
        }),
      );
    }
    if (placement) {
      await withPath('placement', () =>
        recordMovementIn(w, db, { residentId: resident.id, ...placement }),
      );
    }
    return resident;
  });
}

async function personFor(w: Writer, choice: ResidentPersonChoice) {
  if ('newPerson' in choice) return w.create('person', { ...choice.newPerson, householdId: null });
  const existing = await w.get('person', choice.existingPersonId);
  if (!existing || existing.deleted) throw notFound('person', choice.existingPersonId);
  return existing;
}

/** Prefixes field errors with the part of the form they belong to. */
async function withPath<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors.length > 0) {
      throw new AppError({
        ...error.toData(),
        fieldErrors: error.fieldErrors.map((e) => ({ ...e, path: `${prefix}.${e.path}` })),
      });
    }
    throw error;
  }
}

/**
 * A correction of a resident's funding, emergency contact or note: the superseded
 * version is kept with `reason`. Name, sex and birth date come from the person and
 * change with the person's correction (the registry writes them, with its reason).
 */
export async function updateResident(
  db: DeskDatabase,
  ctx: WriteContext,
  resident: Pick<Resident, 'id' | 'version'>,
  patch: Partial<Pick<ResidentData, 'fundingCategory' | 'emergencyContact' | 'note'>>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.update('elderlyResident', resident.id, resident.version, patch, { reason });
  });
}

/** A new assessment (re-assessment on a change of condition); earlier ones stay. */
export async function addAssessment(
  db: DeskDatabase,
  ctx: WriteContext,
  input: Omit<AssessmentData, 'note'> & { note?: string },
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.create('elderlyAssessment', input);
  });
}

export async function createContract(db: DeskDatabase, ctx: WriteContext, input: ContractData) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.create('elderlyContract', input);
  });
}

/** A correction: the superseded contract is kept with the reason (revisions). */
export async function correctContract(
  db: DeskDatabase,
  ctx: WriteContext,
  contract: Pick<Contract, 'id' | 'version'>,
  patch: Partial<ContractData>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'record');
    return w.update('elderlyContract', contract.id, contract.version, patch, { reason });
  });
}

export async function getResident(db: DeskDatabase, id: string) {
  const found = await elderlyTables(db).residents.get(id);
  return found && !found.deleted ? found : undefined;
}

export async function residentOfPerson(db: DeskDatabase, personId: string) {
  const rows = await elderlyTables(db).residents.where('personId').equals(personId).toArray();
  return live(rows)[0];
}

/**
 * By name or pinyin initials (indexed), by the person's ID number (prefix, or its last 4
 * or 6 characters, as the registry searches), or the most recently changed when no query.
 */
export async function listResidents(db: DeskDatabase, query = '', limit = 500) {
  const t = elderlyTables(db).residents;
  const q = classifyQuery(query);
  if (q.kind === 'id' && q.value) {
    const people = await searchPersons(db, q.value, limit);
    const rank = new Map(people.map((p, i) => [p.id, i]));
    const found = await t
      .where('personId')
      .anyOf([...rank.keys()])
      .toArray();
    // In the persons' order: ID-tail matches first.
    return found
      .filter((r) => !r.deleted)
      .sort((a, b) => (rank.get(a.personId) ?? 0) - (rank.get(b.personId) ?? 0));
  }
  const collection = q.value
    ? t.where('searchTokens').startsWith(q.value.toLowerCase()).distinct()
    : t.orderBy('updatedAt').reverse();
  return collection
    .filter((r) => !r.deleted)
    .limit(limit)
    .toArray();
}

export async function assessmentsOfResident(db: DeskDatabase, residentId: string) {
  const rows = await elderlyTables(db).assessments.where('residentId').equals(residentId).toArray();
  return live(rows).sort(byDateThenClock);
}

export async function contractsOfResident(db: DeskDatabase, residentId: string) {
  const rows = await elderlyTables(db).contracts.where('residentId').equals(residentId).toArray();
  return live(rows).sort((a, b) => a.startDate.localeCompare(b.startDate));
}

const byDateThenClock = (a: Assessment, b: Assessment) =>
  a.date === b.date ? a.hlc.localeCompare(b.hlc) : a.date.localeCompare(b.date);
