import { Chip } from '@mui/material';
import { useI18n } from '../../i18n/i18n';

const colours = {
  draft: 'default',
  checked: 'info',
  approved: 'success',
  none: 'default',
} as const;

/** A roll's state as a chip: 草稿, 已复核, 已批准 (or 未造册 in the figures). */
export function RollStatusChip(props: { status: keyof typeof colours }) {
  const { wordFor } = useI18n();
  return (
    <Chip
      size="small"
      variant={props.status === 'none' ? 'outlined' : 'filled'}
      color={colours[props.status]}
      label={wordFor('rollStatus.', props.status)}
    />
  );
}
