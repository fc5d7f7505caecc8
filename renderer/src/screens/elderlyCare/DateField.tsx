import TextField from '@mui/material/TextField';

/** A calendar date field (YYYY-MM-DD) with its error under it, label always shrunk. */
export function DateField(props: {
  label: string;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (date: string) => void;
}) {
  return (
    <TextField
      type="date"
      label={props.label}
      value={props.value}
      disabled={props.disabled ?? false}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(props.error)}
      helperText={props.error ?? ' '}
      slotProps={{ inputLabel: { shrink: true } }}
      fullWidth
    />
  );
}
