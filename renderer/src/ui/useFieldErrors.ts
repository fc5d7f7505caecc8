import { useCallback, useEffect, useState } from 'react';
import { toAppErrorData, type AppErrorData, type FieldError } from '@shared/errors/appError';
import { useT } from '../i18n/useT';
import { fieldOnScreen, focusField } from './fieldId';

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
  const [error, setErrorState] = useState<AppErrorData | null>(null);
  // Each failed save (capture / setError, not a field's own clearing) moves the focus to
  // the first field the error names that is on screen, once the form has rendered it.
  const [failed, setFailed] = useState(0);
  const setError = useCallback((next: AppErrorData | null) => {
    setErrorState(next);
    if (next) setFailed((n) => n + 1);
  }, []);
  useEffect(() => {
    if (failed === 0 || !error) return;
    const first = error.fieldErrors?.find((e) => fieldOnScreen(e.path));
    if (first) focusField(first.path);
    // Only a new failure moves the focus: not the error shrinking as fields are fixed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed]);

  const errorFor = useCallback(
    (path: string): string | undefined => {
      const match = error?.fieldErrors?.find((e: FieldError) => e.path === path);
      return match ? fieldError(match) : undefined;
    },
    [error, fieldError],
  );

  const capture = useCallback((thrown: unknown) => setError(toAppErrorData(thrown)), [setError]);
  const clear = useCallback(() => setErrorState(null), []);
  const clearField = useCallback(
    (path: string) =>
      setErrorState((current) => {
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
