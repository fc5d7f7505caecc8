import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useT } from '../../i18n/useT';

/**
 * The reason every correction needs. Says why it is asked for: the record is not
 * overwritten, the old version and this reason are kept and shown in its history.
 */
export function ReasonField(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
  hint?: string;
}) {
  const { t } = useT();
  return (
    <Stack spacing={1.5}>
      <Alert severity="info" variant="outlined">
        {props.hint ?? t('community.reasonHint')}
      </Alert>
      <TextField
        label={props.label ?? t('community.reason')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        error={Boolean(props.error)}
        helperText={props.error ?? ' '}
        multiline
        minRows={2}
        fullWidth
        required
      />
    </Stack>
  );
}
