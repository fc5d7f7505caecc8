import { AppError } from '@shared/errors/appError';
import { caseEditIssues } from '@shared/authority/caseOps';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { PersonData } from '@shared/domain/person';
import type { ResidentData } from '@shared/domain/elderlyCare/resident';
import type { HomeCareVisitData } from '@shared/domain/elderlyCare/homeCare';
import type { VolunteerData } from '@shared/domain/community/volunteer';
import type { StoredRecord } from '@shared/records/envelope';
import { recordTable, type DeskDatabase } from '../database';
import type { Writer } from '../writePath';

/** The reason the copies' own histories show: what changed them and why. */
export const copyReason = (reason: string) => `人员信息更正：${reason.trim()}`;

/**
 * Brings every record that copies a person's name, sex or birth date (so lists and
 * search need no join) to the person as just corrected, inside the correction's own
 * transaction: the household's headName, each case's applicantName (on any status —
 * shared/authority/copyRefresh), an elderly-care resident's name, sex and birth date, a
 * volunteer's name and a home-care visit's name. A copy that cannot be written fails
 * the whole correction, so no record is left naming the person the old way.
 */
export async function refreshPersonCopies(
  db: DeskDatabase,
  w: Writer,
  person: StoredRecord<PersonData>,
  reason: string,
): Promise<void> {
  const why = { reason: copyReason(reason) };
  if (person.householdId) {
    const household = await w.get('household', person.householdId);
    if (household && !household.deleted && household.headPersonId === person.id) {
      if (household.headName !== person.name) {
        await w.update(
          'household',
          household.id,
          household.version,
          { headName: person.name },
          why,
        );
      }
    }
  }
  for (const c of await byIndex<AssistanceCaseData>(
    db,
    'assistanceCase',
    'coveredPersonIds',
    person.id,
  )) {
    if (c.applicantPersonId !== person.id || c.applicantName === person.name) continue;
    const fields = { applicantName: person.name };
    const issues = caseEditIssues(c, fields, person.name);
    if (issues.length > 0) {
      throw new AppError({
        code: 'invalid_transition',
        message: 'Case copy refused.',
        fieldErrors: issues,
      });
    }
    await w.update('assistanceCase', c.id, c.version, fields, why);
  }
  for (const r of await byIndex<ResidentData>(db, 'elderlyResident', 'personId', person.id)) {
    const patch = { personName: person.name, sex: person.sex, birthDate: person.birthDate };
    if (
      r.personName === patch.personName &&
      r.sex === patch.sex &&
      r.birthDate === patch.birthDate
    ) {
      continue;
    }
    await w.update('elderlyResident', r.id, r.version, patch, why);
  }
  for (const v of await byIndex<VolunteerData>(db, 'volunteer', 'personId', person.id)) {
    if (v.name !== person.name)
      await w.update('volunteer', v.id, v.version, { name: person.name }, why);
  }
  for (const v of await byIndex<HomeCareVisitData>(
    db,
    'elderlyHomeCareVisit',
    'personId',
    person.id,
  )) {
    if (v.personName !== person.name) {
      await w.update('elderlyHomeCareVisit', v.id, v.version, { personName: person.name }, why);
    }
  }
}

/** The live records of a kind whose indexed field holds the person's id. */
async function byIndex<T>(
  db: DeskDatabase,
  kind: 'assistanceCase' | 'elderlyResident' | 'volunteer' | 'elderlyHomeCareVisit',
  index: string,
  personId: string,
): Promise<StoredRecord<T>[]> {
  const rows = await recordTable(db, kind).where(index).equals(personId).toArray();
  return (rows as StoredRecord<T>[]).filter((r) => !r.deleted);
}
