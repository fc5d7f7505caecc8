import { useCallback } from 'react';
import { createDibaoCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { todayDate } from '../common/labels';
import { CaseForm } from './CaseForm';
import { adoptCaseDraft, emptyCase, type CaseDraft } from './caseForm';

/**
 * 低保 application: the household preset by the route or searched. Saving creates the
 * case in status 草稿 and opens it.
 */
export function CaseFormScreen({ householdId }: { householdId?: string | undefined }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const today = todayDate();

  const initial = useCallback(() => emptyCase(householdId ?? '', today), [householdId, today]);
  // A draft for another household than the one the registrar came from is not reused.
  const adopt = useCallback(
    (stored: unknown) => {
      const d = adoptCaseDraft(stored, today);
      return d && householdId && d.householdId !== householdId ? null : d;
    },
    [householdId, today],
  );

  return (
    <CaseForm<CaseDraft>
      title={t('cases.form.title')}
      // One draft per household, so starting another household's application keeps this one.
      draftKey={`caseForm:${householdId ?? 'any'}`}
      initial={initial}
      adopt={adopt}
      resetLabel={t('cases.form.reset')}
      resetConfirmText={t('cases.form.resetConfirmText')}
      saveLabel={t('cases.form.save')}
      onBack={(chosenId) =>
        navigate(chosenId ? { name: 'household', id: chosenId } : { name: 'cases' })
      }
      onSave={async (input) => (await createDibaoCase(db, writeContext(), input)).id}
    />
  );
}
