import { Button, DialogActions } from '@mui/material';
import { useT } from '../../i18n/useT';

/**
 * The actions row of a form dialog: 取消 and 保存 (or the dialog's own word for saving),
 * the same in every dialog.
 */
export function SaveCancelActions(props: {
  onCancel: () => void;
  onSave: () => void;
  saveLabel?: string;
  saving?: boolean;
  saveTestId?: string;
}) {
  const { t } = useT();
  return (
    <DialogActions>
      <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      <Button
        variant="contained"
        onClick={props.onSave}
        disabled={props.saving === true}
        {...(props.saveTestId ? { 'data-testid': props.saveTestId } : {})}
      >
        {props.saveLabel ?? t('common.save')}
      </Button>
    </DialogActions>
  );
}
