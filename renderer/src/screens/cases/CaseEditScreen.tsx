import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { getCase } from '../../db/repositories/caseQueries';
import { updateCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { ReasonField } from '../community/ReasonField';
import { CaseForm } from './CaseForm';
import {
  adoptCaseEditDraft,
  caseToDraft,
  isCaseEditable,
  type CaseEditDraft,
} from './caseEditForm';

/**
 * 更正申请: the application form filled from the stored case, its household fixed,
 * while the case is with the township (before its 公示), and the reason the correction
 * needs. Saving corrects the case against the version the values were read from (a
 * colleague's change in between is a conflict), keeps the old version, and opens it.
 */
export function CaseEditScreen({ id }: { id: string }) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const record = useLiveQuery(async () => (await getCase(db, id)) ?? null, [db, id]);
  const today = todayDate();
  const householdId = record?.householdId ?? '';
  // Stable while the case changes live: a new adopt would reload the stored draft.
  const adopt = useCallback(
    (stored: unknown) => adoptCaseEditDraft(stored, householdId, today),
    [householdId, today],
  );
  const back = () => navigate({ name: 'case', id });

  if (record === undefined) return null;
  if (record === null || !isCaseEditable(record.status)) {
    return (
      <Stack spacing={2}>
        <PageHeader
          title={t('cases.edit.title', { name: record?.applicantName ?? '' })}
          onBack={record ? back : () => navigate({ name: 'cases' })}
        />
        <Alert severity="warning">
          {record
            ? fieldError({ path: 'status', code: 'case.not_editable' })
            : t('cases.case.notFound')}
        </Alert>
      </Stack>
    );
  }

  return (
    <CaseForm<CaseEditDraft>
      title={t('cases.edit.title', { name: record.applicantName })}
      draftKey={`caseEdit:${id}`}
      // Read when the form opens and when the registrar discards the edit: the latest case.
      initial={() => caseToDraft(record)}
      adopt={adopt}
      householdFixed
      resetLabel={t('cases.edit.discard')}
      resetConfirmText={t('cases.edit.discardConfirmText')}
      saveLabel={t('cases.edit.save')}
      warning={(draft) =>
        draft.baseVersion !== record.version
          ? t('cases.edit.changedSince', { reset: t('cases.edit.discard') })
          : null
      }
      onBack={back}
      extra={(draft, change, errorFor) => (
        <ReasonField
          value={draft.reason}
          onChange={(reason) => change({ reason })}
          error={errorFor('reason')}
          label={t('cases.correction.reason')}
          hint={t('cases.correction.reasonHint')}
        />
      )}
      onSave={async (input, draft) =>
        (await updateCase(db, writeContext(), id, draft.baseVersion, input, draft.reason)).id
      }
    />
  );
}
