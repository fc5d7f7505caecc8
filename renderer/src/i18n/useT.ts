import { useCallback } from 'react';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { useSession } from '../state/session';
import type { MessageKey } from './messages';
import { translate, translateAppError, translateFieldError, type Params } from './translate';

/** The translator for the current language; re-renders when the language changes. */
export function useT() {
  const language = useSession((s) => s.language);
  const t = useCallback(
    (key: MessageKey, params?: Params) => translate(language, key, params),
    [language],
  );
  const fieldError = useCallback(
    (error: FieldError) => translateFieldError(language, error),
    [language],
  );
  const appError = useCallback(
    (error: AppErrorData) => translateAppError(language, error),
    [language],
  );
  return { t, fieldError, appError, language };
}
