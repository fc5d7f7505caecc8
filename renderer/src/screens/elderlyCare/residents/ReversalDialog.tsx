import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { reverseMovement } from '../../../db/repositories/elderlyCare/movements';
import type { Movement } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { movementLabel } from '../labels';

/** Reverses a mistaken movement by recording a reversal with its reason. */
export function ReversalDialog(props: { movement: Movement; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [reason, setReason] = useState('');
  const m = props.movement;

  async function confirm() {
    errors.clear();
    try {
      await reverseMovement(db, writeContext(), m.id, reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('elderly.move.reverseTitle', { action: movementLabel(t, m.type), date: m.date })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning" variant="outlined">
            {t('elderly.move.reverseHint')}
          </Alert>
          <TextField
            label={t('elderly.field.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(errors.errorFor('reason'))}
            helperText={errors.errorFor('reason') ?? ' '}
            multiline
            minRows={2}
            autoFocus
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button variant="outlined" color="warning" onClick={() => void confirm()}>
          {t('elderly.move.reverse')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
