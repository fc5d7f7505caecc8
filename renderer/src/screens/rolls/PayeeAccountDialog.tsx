import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import { savePayeeAccount } from '../../db/repositories/rolls/payeeAccounts';
import { useT } from '../../i18n/useT';
import { SaveCancelActions } from '../common/SaveCancelActions';
import { useSession, writeContext } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { FormTextField } from '../common/FormTextField';

/** A payee's bank account, typed at the roll where a line has none (刷新 the roll after). */
export function PayeeAccountDialog(props: { personId: string; name: string; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [bankName, setBankName] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [oneCard, setOneCard] = useState(true);

  async function save() {
    errors.clear();
    try {
      await savePayeeAccount(db, writeContext(), {
        personId: props.personId,
        bankName,
        accountNumber,
        oneCard,
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('rolls.account.title', { name: props.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }} data-testid="payee-account-dialog">
          <FormTextField
            path="bankName"
            errors={errors}
            label={t('payee.bankName')}
            value={bankName}
            onChange={(e) => setBankName(e.target.value)}
            fullWidth
          />
          <FormTextField
            path="accountNumber"
            errors={errors}
            label={t('payee.accountNumber')}
            value={accountNumber}
            onChange={(e) => setAccountNumber(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
            fullWidth
          />
          <FormControlLabel
            control={<Checkbox checked={oneCard} onChange={(e) => setOneCard(e.target.checked)} />}
            label={t('payee.oneCard')}
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
