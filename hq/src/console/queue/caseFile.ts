import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { CaseEventData } from '@shared/domain/caseEvent';
import type { HouseholdData } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import { maskIdNumber } from '@shared/identity/residentId';
import type { HqTables } from '../../db/schema';
import { loadRecord, officesHolding } from '../../store/recordStore';
import { liveRecords, officeNames } from './caseRows';
import { countyActionsOfCase } from './countySteps';

export interface CaseFileMember {
  personId: string;
  name: string;
  relation: string;
  /** First 6 + last 4 only; the whole number only through a logged reveal. */
  idNumberMasked: string;
  covered: boolean;
}

/** The one live case with this id (a case id held by two offices is refused as unknown). */
export async function findCase(db: Kysely<HqTables>, caseId: string) {
  const offices = await officesHolding(db, 'assistanceCase', caseId);
  const found =
    offices.length === 1 && offices[0]
      ? await loadRecord(db, offices[0], 'assistanceCase', caseId)
      : null;
  if (!found || found.deleted) {
    throw new AppError({
      code: 'not_found',
      message: `No case ${caseId}.`,
      fieldErrors: [{ path: 'caseId', code: 'console.case_unknown' }],
    });
  }
  return { ...found, data: found.data as unknown as AssistanceCaseData };
}

/**
 * 案卷: what the county reads before deciding — applicant, household members (ID numbers
 * masked), income and assets, the computation with its standard and parts, and every
 * workflow step with its opinion.
 */
export async function caseFile(db: Kysely<HqTables>, caseId: string) {
  const found = await findCase(db, caseId);
  const c = found.data;
  const household = await loadRecord(db, found.officeId, 'household', c.householdId);
  const householdData = household?.data as unknown as HouseholdData | undefined;
  const memberRefs =
    householdData?.members ??
    c.coveredPersonIds.map((personId) => ({
      personId,
      relation: '',
    }));
  const members: CaseFileMember[] = [];
  for (const ref of memberRefs) {
    const person = await loadRecord(db, found.officeId, 'person', ref.personId);
    const data = person?.data as unknown as PersonData | undefined;
    members.push({
      personId: ref.personId,
      name: data?.name ?? '',
      relation: ref.relation,
      idNumberMasked: maskIdNumber(data?.idNumber ?? ''),
      covered: c.coveredPersonIds.includes(ref.personId),
    });
  }
  const events = (await liveRecords<CaseEventData>(db, 'caseEvent', [found.officeId]))
    .filter((e) => e.data.caseId === caseId)
    .map((e) => ({ id: e.id, ...e.data }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const names = await officeNames(db);
  return {
    id: found.id,
    version: found.version,
    officeId: found.officeId,
    officeName: names.get(found.officeId) ?? found.officeId,
    programme: c.programme,
    status: c.status,
    applicantName: c.applicantName,
    applicantPersonId: c.applicantPersonId,
    villageName: householdData?.villageName ?? '',
    address: householdData?.address ?? '',
    category: c.category,
    areaCode: c.areaCode,
    applicationDate: c.applicationDate,
    decisionDue: c.decisionDue,
    members,
    income: c.income,
    deductionsFen: c.deductionsFen,
    assets: c.assets,
    benefit: c.benefit,
    programmeFacts: c.programmeFacts,
    events,
    countyActions: countyActionsOfCase(c),
  };
}

/** The whole ID number of one member of the case's household (the caller logs it). */
export async function revealId(db: Kysely<HqTables>, caseId: string, personId: string) {
  const found = await findCase(db, caseId);
  const household = await loadRecord(db, found.officeId, 'household', found.data.householdId);
  const inHousehold =
    found.data.coveredPersonIds.includes(personId) ||
    ((household?.data as unknown as HouseholdData | undefined)?.members ?? []).some(
      (m) => m.personId === personId,
    );
  const person = inHousehold ? await loadRecord(db, found.officeId, 'person', personId) : null;
  if (!person || person.deleted) {
    throw new AppError({
      code: 'not_found',
      message: `No person ${personId} in the case's household.`,
      fieldErrors: [{ path: 'personId', code: 'console.person_unknown' }],
    });
  }
  return { personId, idNumber: (person.data as unknown as PersonData).idNumber };
}
