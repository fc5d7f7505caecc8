import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { markUnpaid } from '../../db/repositories/rolls/paymentRolls';
import { useT } from '../../i18n/useT';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';

/** A line the bank returned (closed account, wrong name): carried into next month's roll. */
export function UnpaidDialog(props: {
  rollId: string;
  lineKey: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [reason, setReason] = useState('');

  async function save() {
    errors.clear();
    try {
      await markUnpaid(db, writeContext(), props.rollId, props.lineKey, reason);
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('rolls.unpaid.title', { name: props.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="unpaid-dialog">
          <FormTextField
            path="reason"
            errors={errors}
            label={t('rolls.unpaid.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions
        onCancel={props.onClose}
        onSave={() => void save()}
        saveLabel={t('rolls.unpaid.mark')}
      />
    </Dialog>
  );
}
