import { useCallback, useState } from 'react';
import { toAppErrorData, type AppErrorData, type FieldError } from '@shared/errors/appError';
import { useT } from '../i18n/useT';

/**
 * Holds the last error of a form and answers "what is wrong with this field?" in the
 * current language, so every form shows errors next to the field the same way.
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
  const summary = error ? appError(error) : null;

  return { error, errorFor, capture, clear, summary, setError };
}
