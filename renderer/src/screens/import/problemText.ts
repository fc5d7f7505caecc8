import type { RowProblem } from '@shared/import/types';
import type { RosterSheet } from '../../db/repositories/import/readSheet';
import { isMessageKey, type Translate } from '../../i18n/translate';

/** A field's label as the screen and the report name it (import.field.*). */
export function fieldLabel(t: Translate, field: string): string {
  const key = `import.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** One problem in words: its field named, an in-file row given as the sheet's row. */
export function problemText(t: Translate, p: RowProblem, sheet: RosterSheet): string {
  const params: Record<string, string | number> = { ...p.params };
  if (typeof params.column === 'string') params.column = fieldLabel(t, params.column);
  if (typeof params.field === 'string') params.field = fieldLabel(t, params.field);
  // A case's programme and status (名册转入: a case already open) in words.
  const programmeKey = `programme.${String(params.programme)}`;
  if (isMessageKey(programmeKey)) params.programme = t(programmeKey);
  const statusKey = `cases.status.${String(params.status)}`;
  if (isMessageKey(statusKey)) params.status = t(statusKey);
  if (typeof params.firstRow === 'number') {
    params.firstRow = sheet.sheetRowOf[params.firstRow] ?? params.firstRow;
  }
  const text = t(isMessageKey(p.code) ? p.code : 'field.invalid', params);
  // A generic field message (field.required, field.phone…) says which field by its label.
  return p.code.startsWith('field.') && p.field ? `${fieldLabel(t, p.field)}：${text}` : text;
}
