import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import type { PaymentRollData } from '@shared/rolls/rollRecord';
import { useT } from '../../i18n/useT';

/** The supervisor approves what the hash names: shown in full before the roll locks. */
export function ApproveRollDialog(props: {
  roll: PaymentRollData;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useT();
  const { roll } = props;
  return (
    <Dialog open onClose={props.onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>{t('rolls.approveTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('rolls.approveText')}</DialogContentText>
        <Typography
          sx={{ fontFamily: 'monospace', wordBreak: 'break-all', my: 1.5, fontSize: 15 }}
          data-testid="roll-approve-hash"
        >
          {roll.hash}
        </Typography>
        <Typography>
          {t('rolls.total', { count: roll.lines.length, amount: formatFen(roll.totalFen) })}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color="success"
          onClick={props.onConfirm}
          data-testid="roll-approve-confirm"
        >
          {t('rolls.approve')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
