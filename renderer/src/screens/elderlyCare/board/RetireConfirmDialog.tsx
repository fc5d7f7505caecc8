import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '../../../i18n/useT';

/** Asks before a bed is retired (final); the safe answer is the one focused first. */
export function RetireConfirmDialog(props: {
  bedLabel: string;
  date: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open onClose={props.onCancel} maxWidth="xs" fullWidth>
      <DialogTitle>{t('elderly.fix.retireTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('elderly.fix.retireConfirm', { bed: props.bedLabel, date: props.date })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button color="error" variant="outlined" onClick={props.onConfirm}>
          {t('elderly.fix.retireDo')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
