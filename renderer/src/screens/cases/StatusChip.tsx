import Chip from '@mui/material/Chip';
import { useT } from '../../i18n/useT';
import { statusLabel } from '../common/labels';

type ChipColor = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error';

/** Colour by phase: in progress blue, receiving green, stopped grey, denied red. */
const colorOf: Record<string, ChipColor> = {
  draft: 'default',
  submitted: 'info',
  accepted: 'info',
  investigating: 'info',
  township_opinion: 'info',
  public_notice: 'warning',
  county_review: 'info',
  confirmed: 'primary',
  denied: 'error',
  active: 'success',
  under_review: 'warning',
  phasing_out: 'warning',
  suspended: 'default',
  terminated: 'default',
  withdrawn: 'default',
};

export function StatusChip(props: { status: string; size?: 'small' | 'medium' }) {
  const { t } = useT();
  return (
    <Chip
      label={statusLabel(t, props.status)}
      color={colorOf[props.status]}
      size={props.size ?? 'small'}
      variant={props.status === 'draft' ? 'outlined' : 'filled'}
      data-testid="case-status"
    />
  );
}
