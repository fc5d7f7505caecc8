import { useLiveQuery } from 'dexie-react-hooks';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { isOpenCase } from '@shared/programmes/caseEngine';
import { previousHelpInWindow, type PreviousHelp } from '@shared/programmes/temporary/repeatHelp';
import { loadRuleBook } from '../../../../db/repositories/reference';
import { useSession } from '../../../../state/session';

/**
 * The household's latest 临时救助 help within the repeat window of `day`, as the write
 * path will judge it (repeatHelp.ts), shown before saving. Only closed cases count here:
 * the household's open case of the programme is the one being corrected, or a second
 * application the write path refuses anyway.
 */
export function useEarlierHelp(
  householdId: string | null,
  areaCode: string,
  day: string,
): PreviousHelp | null {
  const db = useSession((s) => s.db);
  return (
    useLiveQuery(async () => {
      if (!householdId) return null;
      const [cases, rules] = await Promise.all([
        db.cases.where('householdId').equals(householdId).toArray(),
        loadRuleBook(db),
      ]);
      const closed = cases.filter(
        (c) => !c.deleted && c.programme === 'temporary' && !isOpenCase(c),
      );
      const probe = {
        ...({} as AssistanceCaseData),
        ...noStepDates,
        id: '',
        programme: 'temporary' as const,
        householdId,
        areaCode,
        status: 'draft',
        applicationDate: day,
      };
      return previousHelpInWindow(probe, closed, rules);
    }, [db, householdId, areaCode, day]) ?? null
  );
}
