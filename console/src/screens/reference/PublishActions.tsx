import { Button, DialogActions } from '@mui/material';
import { useI18n } from '../../i18n/i18n';

/** A publishing dialog's 取消 / 发布 row; 发布 reads 正在发布… and waits while sending. */
export function PublishActions(props: {
  busy: boolean;
  onClose: () => void;
  onPublish: () => void;
}) {
  const { t } = useI18n();
  return (
    <DialogActions>
      <Button onClick={props.onClose}>{t('ref.cancel')}</Button>
      <Button variant="contained" disabled={props.busy} onClick={props.onPublish}>
        {props.busy ? t('ref.sending') : t('ref.publish')}
      </Button>
    </DialogActions>
  );
}
