import { Button, DialogActions } from '@mui/material';
import { useT } from '../../i18n/useT';

/** The actions row of a form dialog: 取消 and 保存, the same in every dialog. */
export function SaveCancelActions(props: { onCancel: () => void; onSave: () => void }) {
  const { t } = useT();
  return (
    <DialogActions>
      <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      <Button variant="contained" onClick={props.onSave}>
        {t('common.save')}
      </Button>
    </DialogActions>
  );
}
