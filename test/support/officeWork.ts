import type { PersonData, PersonInput } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import type { DibaoAction } from '@shared/programmes/dibao/workflow';
import { dibaoWorkflow } from '@shared/programmes/dibao/workflow';
import {
  createDibaoCase,
  transitionCase,
  type AssistanceCase,
} from '../../renderer/src/db/repositories/cases';
import {
  registerHousehold,
  type HouseholdWithMembers,
} from '../../renderer/src/db/repositories/households';
import { write } from '../../renderer/src/db/writePath';
import { personInput, residentId } from '../fakes/deskFixtures';
import type { SyncDesk } from './syncDesks';

/**
 * Registrar's work done through the desk's real repositories and write path, for the HQ
 * suite. Every person gets a resident ID no other person in the run has.
 */

let idCounter = 0;
/**
 * Birth dates step three days from 1940 for CYCLE persons (to late 2018, never in the
 * future), then start again; each new cycle shifts the sequence number by 7, so a birth
 * date met again never meets its sequence again (CYCLE is a multiple of 800: for 800
 * cycles, millions of persons). Runs of any length stay valid (issue #17 item 7).
 */
const CYCLE = 9_600;

/** A person's input with an ID number unique in this test process. */
export function uniquePerson(name: string): PersonInput {
  idCounter += 1;
  const cycle = Math.floor(idCounter / CYCLE);
  const day = new Date(Date.UTC(1940, 0, 1) + (idCounter % CYCLE) * 86_400_000 * 3);
  const birth = day.toISOString().slice(0, 10);
  const sequence = String(100 + ((idCounter + cycle * 7) % 800)).padStart(3, '0');
  return {
    ...personInput({ name, idNumber: residentId('330102', birth, sequence), birthDate: birth }),
    householdId: null,
  };
}

/** Persons with no household (a 散居 resident), `count` in ONE write transaction. */
export async function createPersons(
  desk: SyncDesk,
  count: number,
): Promise<StoredRecord<PersonData>[]> {
  return write(desk.db, desk.ctx, async (w) => {
    const made: StoredRecord<PersonData>[] = [];
    for (let i = 0; i < count; i++) made.push(await w.create('person', uniquePerson('王五')));
    return made;
  });
}

export async function registerFamily(desk: SyncDesk): Promise<HouseholdWithMembers> {
  const head = uniquePerson('张三丰');
  const spouse = uniquePerson('李秀英');
  return registerHousehold(desk.db, desk.ctx, {
    areaCode: '330102',
    hukouType: 'rural',
    villageName: '东村',
    address: '东村3组',
    members: [
      { relation: 'self', person: { ...head, sex: 'male' } },
      { relation: 'spouse', person: { ...spouse, sex: 'female' } },
    ],
  });
}

/** A 低保 application for the household, benefit computed with the desk's standard. */
export async function applyForDibao(
  desk: SyncDesk,
  family: { householdId: string; headPersonId: string; headName: string; memberIds: string[] },
): Promise<AssistanceCase> {
  return createDibaoCase(desk.db, desk.ctx, {
    householdId: family.householdId,
    applicantPersonId: family.headPersonId,
    applicantName: family.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: family.memberIds,
    income: { wagesFen: 50000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
}

/** The steps a desk can take from a status (role permitting), dates aside. */
export function stepsFrom(status: string): DibaoAction[] {
  return (Object.entries(dibaoWorkflow.actions) as [DibaoAction, { from: readonly string[] }][])
    .filter(([, action]) => action.from.includes(status))
    .map(([name]) => name);
}

/** One workflow step as the role that may take it, with an opinion and a reason. */
export async function step(
  desk: SyncDesk,
  caseId: string,
  action: DibaoAction,
): Promise<AssistanceCase> {
  const current = await desk.db.cases.get(caseId);
  if (!current) throw new Error(`desk ${desk.name} has no case ${caseId}`);
  const roles = (dibaoWorkflow.actions[action] as { roles: readonly string[] }).roles;
  const ctx = roles.includes('registrar') ? desk.ctx : desk.as('supervisor');
  return transitionCase(desk.db, ctx, caseId, current.version, {
    action,
    opinion: `${action} 意见`,
    reason: `${action} 理由`,
  });
}

/** Walks a new case up to 县级审核 (county_review), letting the 公示 run its course. */
export async function caseAtCountyReview(
  desk: SyncDesk,
  family: HouseholdWithMembers,
): Promise<AssistanceCase> {
  const created = await applyForDibao(desk, {
    householdId: family.household.id,
    headPersonId: family.household.headPersonId,
    headName: family.household.headName,
    memberIds: family.members.map((m) => m.person.id),
  });
  for (const action of [
    'submit',
    'accept',
    'start_investigation',
    'record_opinion',
    'start_notice',
  ] as const) {
    await step(desk, created.id, action);
  }
  desk.advanceDays(30);
  return step(desk, created.id, 'submit_to_county');
}
