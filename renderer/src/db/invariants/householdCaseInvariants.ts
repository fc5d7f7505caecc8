import { AppError } from '@shared/errors/appError';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { isProgramme, programmeModules } from '@shared/programmes/registry';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import { loadRuleBook } from '../repositories/reference';

/**
 * A programme's checks of a case against the household's other cases of it
 * (ProgrammeModule.householdCaseChecks: 临时救助's repeated help), inside the write
 * transaction, with the same shared function HQ judges the pushed case with.
 */
export async function householdCaseRules(
  db: DeskDatabase,
  c: StoredRecord<AssistanceCaseData>,
): Promise<void> {
  if (!isProgramme(c.programme)) return;
  const check = programmeModules[c.programme].householdCaseChecks;
  if (!check) return;
  const others = (await db.cases.where('householdId').equals(c.householdId).toArray()).filter(
    (o) => o.id !== c.id && !o.deleted && o.programme === c.programme,
  );
  const issues = check(c, others, await loadRuleBook(db));
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The case breaks a rule of its household’s cases of the programme.',
      fieldErrors: issues,
    });
  }
}
