import { useState } from 'react';
import type { FieldError } from '@shared/errors/appError';
import { ConsoleApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';

/**
 * Sends a publishing form: while it runs `busy`; HQ's refusal goes next to its fields
 * (by the 400's field path, through `wording` for words that depend on the form), the
 * rest above the form. The form's own checks set field texts the same way.
 */
export function useFormSend(wording?: (error: FieldError) => string | null) {
  const { appError, fieldError } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (run: () => Promise<void>) => {
    setFields({});
    setBanner(null);
    setBusy(true);
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ConsoleApiError)) throw error;
      const byPath: Record<string, string> = {};
      for (const f of error.data.fieldErrors ?? []) {
        const path = f.path.split('.')[0] ?? f.path;
        byPath[path] ??= wording?.(f) ?? fieldError(f);
      }
      setFields(byPath);
      if (Object.keys(byPath).length === 0) setBanner(appError(error.data));
    } finally {
      setBusy(false);
    }
  };
  return { fields, setFields, banner, busy, send };
}
