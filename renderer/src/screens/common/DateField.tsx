import { useLayoutEffect, useRef, useState } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import type { FieldErrors } from '../../ui/useFieldErrors';
import { fromPickerValue, toPickerValue, unfinishedDate, type DateKind } from './dateValue';
import { DayMarkLegend, MarkedDay } from './MarkedDay';
import { dayMark } from './dayMarks';
import { useOfficeCalendar } from './officeCalendar';

export interface DateFieldProps {
  label: string;
  /** The store's 'YYYY-MM-DD' ('' for none). */
  value: string;
  onChange: (value: string) => void;
  /** The form's message for this field (shown under it, in place of `help`). */
  error?: string | undefined;
  /** The error path: the field carries fieldId(path), so the error summary links to it. */
  path?: string;
  /** The form's errors: the field's error is read and forgotten when the field is edited. */
  errors?: Pick<FieldErrors, 'errorFor' | 'clearField'>;
  help?: string | undefined;
  /**
   * A line kept under the field for its message, so that one shown moves nothing (the
   * default). False in a filter row, which shows none: the kept line put the box 12 px
   * above the selects beside it.
   */
  helperSpace?: boolean;
  /** A deadline's day: say under the field when it is a holiday or a 调休 working day. */
  deadline?: boolean;
  min?: string;
  max?: string;
  disabled?: boolean;
  /** Shown but not typed in (e.g. a birth date the ID number gives). */
  readOnly?: boolean;
  required?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
  testId?: string;
}

/**
 * THE date field of the desk: typed part by part (年/月/日 sections, digits fill a section
 * and move on, Tab to the next field), or picked in a calendar whose holidays and 调休
 * days are marked from the office calendar. The value in and out is the store's
 * 'YYYY-MM-DD' string; an unfinished or impossible date comes out as `unfinishedDate`, so
 * the form's own check refuses it next to the field.
 */
export function DateField(props: DateFieldProps) {
  return <PickerField {...props} kind="date" />;
}

/** The shared body of DateField and MonthField. */
export function PickerField(props: DateFieldProps & { kind: DateKind }) {
  const { t } = useT();
  const calendar = useOfficeCalendar();
  const { kind } = props;
  // The field keeps its own (possibly half-typed) value; the form's string replaces it
  // only when the form changes it from outside (a reset, a draft restored, a card read).
  // A form that ignores an unfinished value (keeps its last good one) leaves the typing be.
  const [seen, setSeen] = useState(props.value);
  const [emitted, setEmitted] = useState(props.value);
  const [inner, setInner] = useState<Dayjs | null>(() => toPickerValue(props.value, kind));
  // Bumped when the form sets the value: the picker drawn anew, so that a half-typed date
  // ("2026/月/日", the picker's value already null) does not stay over a reset.
  const [drawn, setDrawn] = useState(0);
  if (props.value !== seen) {
    setSeen(props.value);
    if (props.value !== emitted) {
      setEmitted(props.value);
      setInner(toPickerValue(props.value, kind));
      setDrawn((n) => n + 1);
    }
  }
  // The field's own text ("2026/月/10" with the month cleared), read when the pickers gave
  // null (below) once the field has drawn that change, before the next key is handled.
  const input = useRef<HTMLInputElement>(null);
  const nullGiven = useRef(false);
  const textSeen = useRef('');
  const emit = (value: string) => {
    if (value === emitted) return;
    setEmitted(value);
    if (props.path) props.errors?.clearField(props.path);
    props.onChange(value);
  };
  /** No whole date in the field: unfinished while it shows a digit, else empty. */
  const fromText = () => {
    if (inner?.isValid() || props.readOnly || props.disabled) return;
    emit(/\d/.test(input.current?.value ?? '') ? unfinishedDate : '');
  };
  useLayoutEffect(() => {
    if (!nullGiven.current) return;
    nullGiven.current = false;
    fromText();
  });
  const message = props.errors?.errorFor(props.path ?? '') ?? props.error;
  const mark = props.deadline && kind === 'date' ? dayMark(props.value, calendar) : null;
  const note =
    mark === 'holiday'
      ? t('dates.isHoliday', { date: props.value })
      : mark === 'extraWorkday'
        ? t('dates.isExtraWorkday', { date: props.value })
        : undefined;
  const min = props.min ? toPickerValue(props.min, kind) : null;
  const max = props.max ? toPickerValue(props.max, kind) : null;

  return (
    <DatePicker
      key={drawn}
      label={props.label}
      value={inner}
      onChange={(next) => {
        setInner(next);
        nullGiven.current = next === null;
        // The pickers give null for one section cleared (the month, to type it again) as
        // for the whole field emptied. Told apart by what the field shows (the layout
        // effect above): a date with digits left is unfinished, which the form refuses
        // next to the field (and a filter ignores), not "no date", which a form would
        // save over the old one.
        if (next !== null) emit(fromPickerValue(next, kind));
      }}
      {...(kind === 'month'
        ? { views: ['year', 'month'] as const, openTo: 'month' as const, format: 'YYYY/MM' }
        : { format: 'YYYY/MM/DD' })}
      {...(min?.isValid() ? { minDate: min } : {})}
      {...(max?.isValid() ? { maxDate: max } : {})}
      disabled={props.disabled ?? false}
      readOnly={props.readOnly ?? false}
      slots={{ day: MarkedDay, actionBar: DayMarkLegend }}
      slotProps={{
        textField: {
          ...(props.path ? { id: fieldId(props.path) } : {}),
          inputRef: input,
          // Sections typed, stepped (arrows, Page Up/Down) or cleared while the field holds
          // no date change nothing the pickers report (the whole field emptied after a
          // section was: still null). Read after a key that changed what the field shows;
          // a Tab arriving, a Shift or a move between sections changes nothing.
          onKeyUp: () => {
            const text = input.current?.value ?? '';
            if (text === textSeen.current) return;
            textSeen.current = text;
            fromText();
          },
          // The theme's TextField size (small) unless the form says otherwise.
          size: props.size ?? 'small',
          fullWidth: props.fullWidth ?? false,
          required: props.required ?? false,
          error: Boolean(message),
          helperText: message ?? note ?? props.help ?? (props.helperSpace === false ? null : ' '),
          ...(props.sx ? { sx: props.sx } : {}),
          ...(props.testId ? { 'data-testid': props.testId } : {}),
        } as object,
      }}
    />
  );
}
