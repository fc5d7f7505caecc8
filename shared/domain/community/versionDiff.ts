import { recordMetaKeys } from '../../records/envelope';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Keys that are derived for indexes or search and say nothing a person would read. */
const indexOnlyKeys = new Set<string>([
  ...recordMetaKeys,
  'searchTokens',
  'idTails',
  'servedPersonIds',
  'volunteerIds',
]);

/**
 * What one version changed compared with the one before, field by field, in the order
 * the fields appear in the newer version. Used by the history view so a correction
 * shows "结束时间 11:30 → 12:00" instead of two full records to compare by eye.
 */
export function versionChanges(before: object | null, after: object): FieldChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (indexOnlyKeys.has(field)) continue;
    if (JSON.stringify(old[field]) !== JSON.stringify(value)) {
      changes.push({ field, before: old[field], after: value });
    }
  }
  return changes;
}
