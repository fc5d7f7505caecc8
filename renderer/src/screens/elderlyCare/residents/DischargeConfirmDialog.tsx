import { useT } from '../../../i18n/useT';
import { ConfirmDialog } from '../../common/ConfirmDialog';

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
    <ConfirmDialog
      title={t('elderly.fix.dischargeTitle')}
      text={t('elderly.fix.dischargeConfirm', {
        name: props.name,
        reason: props.reason,
        date: props.date,
      })}
      confirmLabel={t('elderly.fix.dischargeDo')}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
      confirmTestId="confirm-discharge"
    />
  );
}
