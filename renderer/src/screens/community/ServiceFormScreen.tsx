import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { recordService } from '../../db/repositories/community/services';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormShortcuts } from '../../keyboard/useFormShortcuts';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { ServiceFields } from './ServiceFields';
import { emptyService, toServiceInput, type ServiceDraft } from './serviceForm';

/** A new community service record; saved through the write path, then opened. */
export function ServiceFormScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const userName = useSession((s) => s.user?.displayName ?? '');
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const [pristine] = useState<ServiceDraft>(() => emptyService(todayDate(), userName));
  const [draft, setDraft] = useState<ServiceDraft>(pristine);
  const [saving, setSaving] = useState(false);
  const back = () => navigate({ name: 'services' });

  async function save() {
    errors.clear();
    setSaving(true);
    try {
      const saved = await recordService(db, writeContext(), toServiceInput(draft));
      navigate({ name: 'service', id: saved.id });
    } catch (thrown) {
      errors.capture(thrown);
    } finally {
      setSaving(false);
    }
  }

  const keys = useFormShortcuts({
    save: () => void save(),
    back,
    dirty: JSON.stringify(draft) !== JSON.stringify(pristine),
    saving,
  });

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      {keys}
      <PageHeader title={t('community.service.newTitle')} onBack={back} />
      <Paper sx={{ p: 2 }}>
        <ServiceFields
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errorFor={errors.errorFor}
          clearField={errors.clearField}
        />
      </Paper>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {t('community.save')}
        </Button>
        <Button onClick={back}>{t('common.cancel')}</Button>
      </Stack>
    </Stack>
  );
}
