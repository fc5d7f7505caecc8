import { useT } from '../../../i18n/useT';
import { ConfirmDialog } from '../../common/ConfirmDialog';

/** Asks before a bed is retired (final); the safe answer is the one focused first. */
export function RetireConfirmDialog(props: {
  bedLabel: string;
  date: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useT();
  return (
    <ConfirmDialog
      title={t('elderly.fix.retireTitle')}
      text={t('elderly.fix.retireConfirm', { bed: props.bedLabel, date: props.date })}
      confirmLabel={t('elderly.fix.retireDo')}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
