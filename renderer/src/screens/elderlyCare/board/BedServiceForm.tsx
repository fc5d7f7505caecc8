import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { retireBed, setBedMaintenance } from '../../../db/repositories/elderlyCare/institutions';
import type { Bed } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';

/**
 * Maintenance and retirement of a free bed: set explicitly, always with a reason (the
 * bed keeps its superseded version), refused by the write path while anyone holds it.
 */
export function BedServiceForm(props: { bed: Bed }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const today = todayDate();
  const [reason, setReason] = useState('');
  const [retireOn, setRetireOn] = useState(today);
  const { bed } = props;

  async function run(work: () => Promise<unknown>) {
    errors.clear();
    try {
      await work();
      setReason('');
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('elderly.bed.service')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          label={t('elderly.field.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={Boolean(errors.errorFor('reason'))}
          helperText={errors.errorFor('reason') ?? ' '}
          sx={{ width: 240 }}
        />
        <Button
          variant="outlined"
          onClick={() =>
            void run(() => setBedMaintenance(db, writeContext(), bed, !bed.maintenance, reason))
          }
        >
          {bed.maintenance ? t('elderly.bed.endMaintenance') : t('elderly.bed.startMaintenance')}
        </Button>
        <TextField
          type="date"
          label={t('elderly.field.date')}
          value={retireOn}
          onChange={(e) => setRetireOn(e.target.value)}
          error={Boolean(errors.errorFor('retiredOn'))}
          helperText={errors.errorFor('retiredOn') ?? ' '}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
        />
        <Button
          color="warning"
          variant="outlined"
          onClick={() => void run(() => retireBed(db, writeContext(), bed, retireOn, reason))}
        >
          {t('elderly.bed.retire')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('elderly.bed.retireHint')}
      </Typography>
      <ErrorSummary error={errors.error} summary={errors.summary} />
    </Paper>
  );
}
