import TextField from '@mui/material/TextField';
import { useT } from '../../i18n/useT';

/**
 * The reason of a correction: required (the write path refuses a correction without
 * one, next to this field), and kept in the record's version history.
 */
export function ReasonField(props: {
  value: string;
  onChange: (reason: string) => void;
  error: string | undefined;
  label?: string;
}) {
  const { t } = useT();
  return (
    <TextField
      label={props.label ?? t('elderly.fix.reason')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? t('elderly.fix.reasonHelp')}
      required
      fullWidth
      slotProps={{ htmlInput: { 'data-testid': 'correction-reason' } }}
    />
  );
}
