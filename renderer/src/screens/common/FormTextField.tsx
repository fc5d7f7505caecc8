import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { ChangeEvent } from 'react';
import { fieldId } from '../../ui/fieldId';
import type { FieldErrors } from '../../ui/useFieldErrors';

/**
 * A TextField (text or select) bound to a form's errors by its error path: it carries
 * fieldId(path) as its id (so ErrorSummary names and links to it), shows the field's error
 * in place of `help`, and forgets that error as soon as the field is edited.
 */
export function FormTextField(
  props: Omit<TextFieldProps, 'error' | 'id'> & {
    path: string;
    errors: Pick<FieldErrors, 'errorFor' | 'clearField'>;
    /** Shown under the field while it has no error (a space keeps the height steady). */
    help?: string;
  },
) {
  const { path, errors, help, onChange, helperText, ...rest } = props;
  const message = errors.errorFor(path);
  return (
    <TextField
      {...rest}
      id={fieldId(path)}
      error={Boolean(message)}
      helperText={message ?? help ?? helperText ?? ' '}
      onChange={(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        errors.clearField(path);
        onChange?.(event);
      }}
    />
  );
}
