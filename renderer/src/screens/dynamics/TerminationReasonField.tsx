import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { terminationReasons } from '@shared/dynamics/termination';
import { useT } from '../../i18n/useT';

/** 停保原因: the reason code a termination names (the opinion explains it). */
export function TerminationReasonField(props: {
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <TextField
      select
      id="reason"
      label={t('dynamics.termination.reason')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? ' '}
      fullWidth
      data-testid="termination-reason"
    >
      {terminationReasons.map((code) => (
        <MenuItem key={code} value={code}>
          {t(`dynamics.termination.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
