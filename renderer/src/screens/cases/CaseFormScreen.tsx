import { useCallback } from 'react';
import type { Programme } from '@shared/domain/assistanceCase';
import { createCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { todayDate } from '../common/labels';
import { CaseForm } from './CaseForm';
import { adoptCaseDraft, emptyCase, type CaseDraft } from './caseForm';

/**
 * A new application of any programme (chosen on the form; 低保 unless the route names
 * one): the household preset by the route or searched. Saving creates the case in its
 * programme's first status (草稿) and opens it.
 */
export function CaseFormScreen({
  householdId,
  programme,
}: {
  householdId?: string | undefined;
  programme?: Programme | undefined;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const today = todayDate();

  const initial = useCallback(
    () => emptyCase(householdId ?? '', today, programme ?? 'dibao'),
    [householdId, today, programme],
  );
  // A draft for another household than the one the registrar came from is not reused.
  const adopt = useCallback(
    (stored: unknown) => {
      const d = adoptCaseDraft(stored, today);
      if (d && programme && d.programme !== programme) return null;
      return d && householdId && d.householdId !== householdId ? null : d;
    },
    [householdId, today, programme],
  );

  return (
    <CaseForm<CaseDraft>
      title={t('cases.form.title')}
      // One draft per household, so starting another household's application keeps this one.
      draftKey={`caseForm:${householdId ?? 'any'}${programme ? `:${programme}` : ''}`}
      programmeChoice
      initial={initial}
      adopt={adopt}
      resetLabel={t('cases.form.reset')}
      resetConfirmText={t('cases.form.resetConfirmText')}
      saveLabel={t('cases.form.save')}
      onBack={(chosenId) =>
        navigate(chosenId ? { name: 'household', id: chosenId } : { name: 'cases' })
      }
      onSave={async (input) => (await createCase(db, writeContext(), input)).id}
    />
  );
}
