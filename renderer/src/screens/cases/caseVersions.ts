import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { FieldChange } from '@shared/domain/community/versionDiff';
import { formatFen } from '@shared/money/fen';
import type { RecordVersion } from '../../db/repositories/recordHistory';
import { isMessageKey, type Translate } from '../../i18n/translate';
import { categoryLabel, statusLabel } from '../common/labels';

/** Figures kept as objects on the case, shown one line per figure that changed. */
const nested = ['income', 'assets', 'benefit'] as const;

/**
 * A case's versions for the shared history view: its income, assets and benefit
 * compared figure by figure ("工资性收入 1,500.00 → 1,000.00"), covered persons as a
 * count, and only the fields the history names (ids and bookkeeping left out).
 */
export function caseVersionsForHistory(
  versions: RecordVersion<AssistanceCaseData>[],
  t: Translate,
): RecordVersion<object>[] {
  return versions.map((v) => ({
    ...v,
    changes: v.changes.flatMap((c) => flatten(c)).filter((c) => caseFieldLabel(t, c.field)),
  }));
}

function flatten(change: FieldChange): FieldChange[] {
  if (!(nested as readonly string[]).includes(change.field)) return [change];
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: `${change.field}.${k}`, before: before[k], after: after[k] }));
}

/** The history's name of a case field, or null for one it does not show. */
export function caseFieldLabel(t: Translate, field: string): string | null {
  const key = `cases.history.field.${field}`;
  return isMessageKey(key) ? t(key) : null;
}

/** A case field's value as the history shows it: amounts in yuan, codes as words. */
export function caseValueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('community.history.none');
  if (field.endsWith('Fen') && typeof value === 'number') return `¥${formatFen(value)}`;
  if (field === 'status') return statusLabel(t, value as string);
  if (field === 'category') return categoryLabel(t, value as AssistanceCaseData['category']);
  if (field === 'coveredPersonIds' && Array.isArray(value)) {
    return t('cases.history.persons', { count: value.length });
  }
  return String(value);
}
