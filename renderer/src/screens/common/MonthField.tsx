import { PickerField, type DateFieldProps } from './DateField';

/**
 * THE month field of the desk (a roll's month, a recomputation's month): 年/月 typed part
 * by part or picked; the value in and out is the store's 'YYYY-MM' string.
 */
export function MonthField(props: Omit<DateFieldProps, 'deadline'>) {
  return <PickerField {...props} kind="month" />;
}
