import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { retireBed, setBedMaintenance } from '../../../db/repositories/elderlyCare/beds';
import type { Bed } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { RetireConfirmDialog } from './RetireConfirmDialog';
import { DateField } from '../../common/DateField';

/**
 * Maintenance and retirement of a free bed, always with a reason (the bed keeps its
 * superseded version), refused by the write path while anyone holds it. Going under
 * repair needs the repair reason, which the board then shows; retiring is final and
 * asks first.
 */
export function BedServiceForm(props: { bed: Bed; bedLabel: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const today = todayDate();
  const [reason, setReason] = useState('');
  const [retireOn, setRetireOn] = useState(today);
  const [retireReason, setRetireReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [action, setAction] = useState<'maintenance' | 'retire'>('maintenance');
  const { bed } = props;

  async function run(which: typeof action, work: () => Promise<unknown>) {
    errors.clear();
    setAction(which);
    try {
      await work();
      setReason('');
      setRetireReason('');
      return true;
    } catch (thrown) {
      errors.capture(thrown);
      return false;
    }
  }

  // Starting repairs, the field is the repair reason (maintenanceReason); ending them,
  // what was done (the correction's reason). A retirement's reason has its own field.
  const reasonOf = (which: typeof action) =>
    action === which
      ? (errors.errorFor('reason') ??
        (which === 'maintenance' ? errors.errorFor('maintenanceReason') : undefined))
      : undefined;
  const reasonError = reasonOf('maintenance');
  const retireError = reasonOf('retire');
  return (
    <Paper sx={{ p: 2 }} data-testid="bed-service">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('elderly.bed.service')}
      </Typography>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <TextField
          label={t(
            bed.maintenance ? 'elderly.fix.maintenanceNote' : 'elderly.fix.maintenanceReason',
          )}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={Boolean(reasonError)}
          helperText={reasonError ?? ' '}
          required
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'maintenance-reason' } }}
        />
        <Button
          variant="outlined"
          sx={{ mt: 1 }}
          onClick={() =>
            void run('maintenance', () =>
              setBedMaintenance(db, writeContext(), bed, !bed.maintenance, reason),
            )
          }
        >
          {bed.maintenance ? t('elderly.bed.endMaintenance') : t('elderly.bed.startMaintenance')}
        </Button>
      </Stack>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start', mt: 1 }}
      >
        <DateField
          label={t('elderly.fix.retiredOn')}
          value={retireOn}
          onChange={setRetireOn}
          path="retiredOn"
          errors={errors}
          sx={{ width: 170 }}
        />
        <TextField
          label={t('elderly.fix.retireReason')}
          value={retireReason}
          onChange={(e) => setRetireReason(e.target.value)}
          error={Boolean(retireError)}
          helperText={retireError ?? ' '}
          required
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'retire-reason' } }}
        />
        <Button color="error" variant="outlined" sx={{ mt: 1 }} onClick={() => setConfirming(true)}>
          {t('elderly.bed.retire')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('elderly.bed.retireHint')}
      </Typography>
      <ErrorSummary error={errors.error} summary={errors.summary} />
      {confirming && (
        <RetireConfirmDialog
          bedLabel={props.bedLabel}
          date={retireOn}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run('retire', () => retireBed(db, writeContext(), bed, retireOn, retireReason));
          }}
        />
      )}
    </Paper>
  );
}
