import { kindDefinitions, type KindData, type RecordKind } from '../records/kinds';
import { fieldErrorsFromZod } from '../validation/fieldErrors';
import type { RowProblem } from './types';

/**
 * What the write path will say of this row's record: the kind's schema (after its
 * derive), then its rules with today's date, as one row's 'value' problems. Pure: the
 * rules between records (a unique ID, a volunteer once) are the dry run's and the
 * commit's.
 */
export function kindProblems<K extends RecordKind>(
  kind: K,
  data: KindData[K],
  row: number,
  today: string,
): RowProblem[] {
  const def = kindDefinitions[kind];
  const derive = def.derive as (d: unknown) => unknown;
  const parsed = def.schema.safeParse(derive(data));
  const rules = def.domainIssues as (d: unknown, t: string) => ReturnType<typeof def.domainIssues>;
  const errors = parsed.success ? rules(parsed.data, today) : fieldErrorsFromZod(parsed.error);
  return errors.map((e) => ({
    row,
    group: 'value' as const,
    field: e.path,
    code: e.code,
    params: e.params,
    severity: 'error' as const,
  }));
}
