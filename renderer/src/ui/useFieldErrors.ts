import { useCallback, useState } from 'react';
import { toAppErrorData, type AppErrorData, type FieldError } from '@shared/errors/appError';
import { useT } from '../i18n/useT';

/**
 * Holds the last error of a form and answers "what is wrong with this field?" in the
 * current language, so every form shows errors next to the field the same way.
 *
 * `clearField(path)` forgets the errors of one field as soon as it is edited (the shared
 * FormTextField and MoneyField call it for you); when the last field error goes, so does
 * the summary. Pass the whole object to ErrorSummary as `errors` to get named, linked lines.
 */
export function useFieldErrors() {
  const { fieldError, appError } = useT();
  const [error, setError] = useState<AppErrorData | null>(null);

  const errorFor = useCallback(
    (path: string): string | undefined => {
      const match = error?.fieldErrors?.find((e: FieldError) => e.path === path);
      return match ? fieldError(match) : undefined;
    },
    [error, fieldError],
  );

  const capture = useCallback((thrown: unknown) => setError(toAppErrorData(thrown)), []);
  const clear = useCallback(() => setError(null), []);
  const clearField = useCallback(
    (path: string) =>
      setError((current) => {
        const fields = current?.fieldErrors;
        if (!current || !fields?.some((e) => e.path === path)) return current;
        const left = fields.filter((e) => e.path !== path);
        return left.length === 0 ? null : { ...current, fieldErrors: left };
      }),
    [],
  );
  const summary = error ? appError(error) : null;

  return { error, errorFor, capture, clear, clearField, summary, setError };
}

export type FieldErrors = ReturnType<typeof useFieldErrors>;
