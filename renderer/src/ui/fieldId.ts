/**
 * The DOM id of a form field, derived from its error path ("members.2.idNumber" →
 * "field-members-2-idNumber"), so an error summary can link to the field that a
 * FieldError names. Give an input this id (FormTextField and MoneyField do it for you).
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The on-screen field an error path belongs to: the input with the path's id, or, for a
 * path into a list ("served.0.id"), the field of the list as a whole ("served").
 */
export function fieldOnScreen(path: string): { element: HTMLElement; path: string } | null {
  if (typeof document === 'undefined') return null;
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const prefix = parts.slice(0, n).join('.');
    const element = document.getElementById(fieldId(prefix));
    if (element) return { element, path: prefix };
  }
  return null;
}

/**
 * The field's own label as shown on screen (MUI gives a labelled TextField's label the
 * id `${id}-label`), without the required-field asterisk; undefined when not found.
 */
export function fieldLabelOnScreen(path: string): string | undefined {
  const field = fieldOnScreen(path);
  if (!field) return undefined;
  const text = document.getElementById(`${fieldId(field.path)}-label`)?.textContent ?? '';
  const label = text.replace(/[\s\u2009*]+$/u, '').trim();
  return label === '' ? undefined : label;
}

/**
 * Moves the focus to a field (a select's visible button rather than its hidden input)
 * and brings it into view. False when no element carries the path's id.
 */
export function focusField(path: string): boolean {
  const element = fieldOnScreen(path)?.element;
  if (!element) return false;
  const hidden = element.getAttribute('aria-hidden') === 'true' || element.tabIndex < 0;
  // A select's button, or a date field's first section (年), stands for its hidden input.
  const target =
    (hidden &&
      element
        .closest('.MuiInputBase-root, .MuiPickersInputBase-root')
        ?.querySelector<HTMLElement>('[role="combobox"], [role="spinbutton"]')) ||
    element;
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return true;
}
