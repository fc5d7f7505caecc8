import Alert from '@mui/material/Alert';
import type { AppErrorData } from '@shared/errors/appError';
import { useT } from '../../i18n/useT';

/**
 * The banner under a form after a failed save: the error as a whole, then each field
 * problem (also shown next to its field), so nothing is missed on a long form.
 * `where` names the place of a path, e.g. "成员 3" for "members.2.idNumber".
 */
export function ErrorSummary(props: {
  error: AppErrorData | null;
  summary: string | null;
  where?: (path: string) => string | undefined;
}) {
  const { fieldError, language } = useT();
  const colon = language === 'en' ? ': ' : '：';
  if (!props.error || !props.summary) return null;
  const lines = [
    ...new Set(
      (props.error.fieldErrors ?? []).map((e) => {
        const place = props.where?.(e.path);
        return place ? `${place}${colon}${fieldError(e)}` : fieldError(e);
      }),
    ),
    // A duplicate's summary already is its field message: do not say it twice.
  ].filter((line) => line !== props.summary);
  return (
    <Alert severity="error" data-testid="error-summary">
      {props.summary}
      {lines.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
