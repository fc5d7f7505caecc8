import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { parseYuan } from '@shared/money/fen';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import type { FieldErrors } from '../../ui/useFieldErrors';

/**
 * A yuan amount typed as text. The text is kept as typed (so "1,234.5" is not rewritten
 * under the cursor) and parsed with parseYuan; an empty field means 0. A format problem
 * shows inline at once; `error` is a problem reported by saving.
 */
export function MoneyField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  testId?: string;
  /** The error path: gives the input fieldId(path) (for ErrorSummary's link and name). */
  path?: string;
  /** The form's errors: the field's error shows (unless `error` is given) and clears on edit. */
  errors?: Pick<FieldErrors, 'errorFor' | 'clearField'>;
}) {
  const { t } = useT();
  const { path, errors } = props;
  const parsed = props.value.trim() === '' ? null : parseYuan(props.value);
  const saved = props.error ?? (path && errors ? errors.errorFor(path) : undefined);
  const message = parsed && !parsed.ok ? t(parsed.code) : saved;
  return (
    <TextField
      {...(path ? { id: fieldId(path) } : {})}
      label={props.label}
      value={props.value}
      onChange={(e) => {
        if (path) errors?.clearField(path);
        props.onChange(e.target.value);
      }}
      error={Boolean(message)}
      helperText={message ?? ' '}
      placeholder="0.00"
      size="small"
      fullWidth
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> },
        htmlInput: { inputMode: 'decimal', 'data-testid': props.testId },
      }}
    />
  );
}

/** Fen for a money text: 0 when empty, null when it does not parse. */
export function yuanTextToFen(text: string): number | null {
  if (text.trim() === '') return 0;
  const parsed = parseYuan(text);
  return parsed.ok ? parsed.fen : null;
}
