import { Button, DialogActions } from '@mui/material';
import { useT } from '../../i18n/useT';
import { useShortcut } from '../../keyboard/useShortcut';

/**
 * The actions row of a form dialog: 取消 and 保存 (or the dialog's own word for saving),
 * the same in every dialog. Ctrl+S in the dialog presses its save (Esc is the dialog's 取消).
 */
export function SaveCancelActions(props: {
  onCancel: () => void;
  onSave: () => void;
  saveLabel?: string;
  saving?: boolean;
  saveTestId?: string;
}) {
  const { t } = useT();
  useShortcut(
    'save',
    () => {
      if (props.saving !== true) props.onSave();
    },
    { scope: 'dialog' },
  );
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
