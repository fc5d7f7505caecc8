import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '../../../i18n/useT';

/**
 * Asks before a discharge is recorded: it ends the stay and frees the bed, and can then
 * only be reversed. The safe answer (取消) is focused first; the discharge is outlined.
 */
export function DischargeConfirmDialog(props: {
  name: string;
  reason: string;
  date: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open onClose={props.onCancel} maxWidth="xs" fullWidth>
      <DialogTitle>{t('elderly.fix.dischargeTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('elderly.fix.dischargeConfirm', {
            name: props.name,
            reason: props.reason,
            date: props.date,
          })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="error"
          variant="outlined"
          onClick={props.onConfirm}
          data-testid="confirm-discharge"
        >
          {t('elderly.fix.dischargeDo')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
