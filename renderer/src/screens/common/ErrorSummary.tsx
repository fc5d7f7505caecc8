import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { useT } from '../../i18n/useT';
import { fieldId, fieldLabelOnScreen, fieldOnScreen, focusField } from '../../ui/fieldId';

/**
 * The banner under a form after a failed save: the error as a whole, then EVERY field
 * problem (also shown next to its field), each naming its field and linking to it, so
 * nothing is missed on a long form.
 *
 * How a form uses it:
 *   const errors = useFieldErrors();
 *   <FormTextField errors={errors} path="members.0.name" label="姓名" … />   // id + clearing
 *   <ErrorSummary error={errors.error} summary={errors.summary}
 *     where={(path) => …}      // optional: the place, e.g. "成员 3" for "members.2.idNumber"
 *     label={(path) => …} />   // optional: the field's name, e.g. "身份证号"
 * Without `label`, a field's name is read from its on-screen label (inputs that carry
 * fieldId(path) as their id: FormTextField, MoneyField with `path`, or any TextField given
 * `id={fieldId(path)}`). A line links to (focuses) its field when that field is on screen.
 */
export function ErrorSummary(props: {
  error: AppErrorData | null;
  summary: string | null;
  where?: (path: string) => string | undefined;
  label?: (path: string) => string | undefined;
}) {
  const { fieldError, language } = useT();
  const colon = language === 'en' ? ': ' : '：';
  const fieldErrors = distinct(props.error?.fieldErrors ?? []);
  const onScreen = onScreenFields(fieldErrors);
  if (!props.error || !props.summary) return null;
  const lines = fieldErrors
    .map((e, index) => {
      const name = props.label?.(e.path) ?? onScreen.labels[e.path];
      const where = props.where?.(e.path);
      // A place that already names the field ("成员 2 身份证号码", or the field itself)
      // is not followed by its name again.
      const place = (where && name && where.endsWith(name) ? [where] : [where, name])
        .filter(Boolean)
        .join(' ');
      const text = place ? `${place}${colon}${fieldError(e)}` : fieldError(e);
      return { key: `${index}:${e.path}:${e.code}`, path: e.path, text };
    })
    // A duplicate's summary already is its field message: do not say it twice unnamed.
    .filter((line) => line.text !== props.summary);
  return (
    <Alert severity="error" data-testid="error-summary">
      {props.summary}
      {lines.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {lines.map((line) => (
            <li key={line.key}>
              {onScreen.linked.has(line.path) ? (
                <Link
                  component="button"
                  type="button"
                  color="inherit"
                  sx={{ verticalAlign: 'baseline', textAlign: 'left', font: 'inherit' }}
                  onClick={() => focusField(line.path)}
                  data-field={fieldId(line.path)}
                >
                  {line.text}
                </Link>
              ) : (
                line.text
              )}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The same problem reported twice for one field is one line; different ones all show. */
function distinct(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = JSON.stringify([e.path, e.code, e.params ?? {}]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Which named fields are on screen (to link to) and their labels. Read from the page as
 * it stands when the summary renders: a summary appears after a failed save, when the
 * form's fields are already laid out (an effect would render every summary twice).
 */
function onScreenFields(errors: FieldError[]) {
  const labels: Record<string, string> = {};
  const linked = new Set<string>();
  if (typeof document === 'undefined') return { labels, linked };
  for (const { path } of errors) {
    if (fieldOnScreen(path)) linked.add(path);
    const label = fieldLabelOnScreen(path);
    if (label) labels[path] = label;
  }
  return { labels, linked };
}
