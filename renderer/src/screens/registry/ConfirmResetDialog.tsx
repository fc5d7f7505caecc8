import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '../../i18n/useT';

/**
 * 清空表单 asks first: clearing cannot be undone. Keeping the form is the default (the
 * filled button, focused); clearing is the plain, red one.
 */
export function ConfirmResetDialog(props: {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open={props.open} onClose={props.onCancel} aria-labelledby="confirm-reset-title">
      <DialogTitle id="confirm-reset-title">{t('registry.form.resetConfirmTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('registry.form.resetConfirmText')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button color="error" onClick={props.onConfirm}>
          {t('registry.form.resetConfirm')}
        </Button>
        <Button variant="contained" onClick={props.onCancel} autoFocus>
          {t('registry.form.resetCancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
