import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { fieldId } from '../../ui/fieldId';

/**
 * A list of short free texts (staff names, skills) typed one by one: Enter adds a chip.
 * Text left in the box when the field loses focus is added too, so nothing typed is lost.
 */
export function ChipsField(props: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  helperText?: string;
  error?: string | undefined;
  testId?: string;
  /** The error path: gives the input fieldId(path) (for ErrorSummary's link and name). */
  path?: string;
}) {
  const add = (text: string) => {
    const clean = text.trim();
    if (clean && !props.value.includes(clean)) props.onChange([...props.value, clean]);
  };
  return (
    <Autocomplete<string, true, false, true>
      multiple
      {...(props.path ? { id: fieldId(props.path) } : {})}
      freeSolo
      options={[]}
      value={props.value}
      onChange={(_, value) =>
        props.onChange([...new Set(value.map((v) => v.trim()).filter(Boolean))])
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText ?? ' '}
          onBlur={(e) => add(e.target.value)}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testId },
          }}
        />
      )}
    />
  );
}
