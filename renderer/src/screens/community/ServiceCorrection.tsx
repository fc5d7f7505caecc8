import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { correctService, type ServiceRecord } from '../../db/repositories/community/services';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { ErrorSummary } from '../common/ErrorSummary';
import { ReasonField } from './ReasonField';
import { ServiceFields } from './ServiceFields';
import { draftOf, toServiceInput, type ServiceDraft } from './serviceForm';

/**
 * Corrects a service record: the current values to edit plus the reason. Saving writes
 * a new version against the version shown; if someone corrected it meanwhile the write
 * path refuses (conflict) instead of losing their change.
 */
export function ServiceCorrection(props: { record: ServiceRecord; onDone: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [pristine] = useState<ServiceDraft>(() => draftOf(props.record));
  const [draft, setDraft] = useState<ServiceDraft>(pristine);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const { id, version } = props.record;
      await correctService(db, writeContext(), id, version, toServiceInput(draft), reason);
      props.onDone();
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S saves the correction, Esc closes it (asking first when something was typed).
  const keys = useFormShortcuts({
    save: () => void save(),
    back: props.onDone,
    dirty: reason !== '' || JSON.stringify(draft) !== JSON.stringify(pristine),
    saving,
  });

  return (
    <Paper sx={{ p: 2 }}>
      {keys}
      <Stack spacing={2}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('community.service.correctTitle')}
        </Typography>
        <ServiceFields
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errorFor={errors.errorFor}
          clearField={errors.clearField}
        />
        <ReasonField
          value={reason}
          onChange={setReason}
          error={errors.errorFor('reason')}
          errors={errors}
        />
        <ErrorSummary error={errors.error} summary={errors.summary} />
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => void save()} disabled={saving}>
            {t('community.saveCorrection')}
          </Button>
          <Button onClick={props.onDone}>{t('common.cancel')}</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
