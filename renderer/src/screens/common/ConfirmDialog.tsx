import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useT } from '../../i18n/useT';

/**
 * Asks before a destructive action (清空表单, discharge, retiring a bed): it says what
 * will be lost. The safe answer is the filled button and has the focus, so Enter keeps
 * things as they are; the destructive answer is the outlined red one, never primary.
 */
export function ConfirmDialog(props: {
  open?: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** The safe answer; 取消 unless it says more (e.g. 继续填写). */
  cancelLabel?: string;
  onCancel: () => void;
  onConfirm: () => void;
  confirmTestId?: string;
}) {
  const { t } = useT();
  const titleId = useId();
  return (
    <Dialog
      open={props.open ?? true}
      onClose={props.onCancel}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button
          color="error"
          variant="outlined"
          onClick={props.onConfirm}
          data-testid={props.confirmTestId}
        >
          {props.confirmLabel}
        </Button>
        <Button variant="contained" onClick={props.onCancel} autoFocus>
          {props.cancelLabel ?? t('common.cancel')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
