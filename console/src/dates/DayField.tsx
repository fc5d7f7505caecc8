import { useState } from 'react';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import type { Dayjs } from 'dayjs';
import { fromPickerDay, toPickerDay } from './dayValue';

/**
 * The console's date field: typed part by part (年/月/日 sections; digits fill a section
 * and move on) or picked in a calendar, in the console's language (DateLocalization).
 * In and out a 'YYYY-MM-DD' string, '' for none; a half-typed or impossible day comes
 * out as `unfinishedDay`, for the dialog to refuse next to the field.
 */
export function DayField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The message under the field (an error), or null. */
  error: string | null | undefined;
  required?: boolean;
}) {
  // The field keeps its own (possibly half-typed) value; the dialog's string replaces it
  // only when the dialog changes it from outside.
  const [emitted, setEmitted] = useState(props.value);
  const [inner, setInner] = useState<Dayjs | null>(() => toPickerDay(props.value));
  if (props.value !== emitted) {
    setEmitted(props.value);
    setInner(toPickerDay(props.value));
  }
  return (
    <DatePicker
      label={props.label}
      value={inner}
      format="YYYY/MM/DD"
      onChange={(next) => {
        setInner(next);
        const value = fromPickerDay(next);
        if (value === emitted) return;
        setEmitted(value);
        props.onChange(value);
      }}
      slotProps={{
        textField: {
          required: props.required ?? false,
          error: Boolean(props.error),
          helperText: props.error ?? ' ',
        },
      }}
    />
  );
}
