import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import type { FieldErrors } from '../../ui/useFieldErrors';

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
  /** The form's errors: the reason's error clears as soon as the reason is edited. */
  errors?: Pick<FieldErrors, 'clearField'>;
}) {
  const { t } = useT();
  return (
    <Stack spacing={1.5}>
      <Alert severity="info" variant="outlined">
        {props.hint ?? t('community.reasonHint')}
      </Alert>
      <TextField
        id={fieldId('reason')}
        label={props.label ?? t('community.reason')}
        value={props.value}
        onChange={(e) => {
          props.errors?.clearField('reason');
          props.onChange(e.target.value);
        }}
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
