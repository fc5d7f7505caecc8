import type { Kysely } from 'kysely';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { HqTables } from '../../db/schema';

export interface CaseRow {
  id: string;
  officeId: string;
  version: number;
  data: AssistanceCaseData;
}

/** Every live record of a kind across offices (the console reads what desks pushed). */
export async function liveRecords<T>(
  db: Kysely<HqTables>,
  kind: string,
  officeIds?: readonly string[],
): Promise<{ id: string; officeId: string; version: number; data: T }[]> {
  let query = db
    .selectFrom('records')
    .select(['id', 'office_id', 'version', 'data'])
    .where('kind', '=', kind)
    .where('deleted', '=', 0);
  if (officeIds) {
    if (officeIds.length === 0) return [];
    query = query.where('office_id', 'in', [...officeIds]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    officeId: r.office_id,
    version: r.version,
    data: JSON.parse(r.data) as T,
  }));
}

export const liveCases = (db: Kysely<HqTables>): Promise<CaseRow[]> =>
  liveRecords<AssistanceCaseData>(db, 'assistanceCase');

export async function officeNames(db: Kysely<HqTables>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('offices').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Village names by (office, household id). */
export async function villagesOf(
  db: Kysely<HqTables>,
  officeIds: readonly string[],
): Promise<Map<string, string>> {
  const households = await liveRecords<{ villageName?: string }>(db, 'household', officeIds);
  return new Map(households.map((h) => [`${h.officeId}/${h.id}`, h.data.villageName ?? '']));
}
