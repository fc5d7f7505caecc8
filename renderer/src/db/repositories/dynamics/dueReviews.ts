import { dueListHorizon, reviewDueState } from '@shared/dynamics/dueList';
import type { DeskDatabase } from '../../database';
import type { AssistanceCase } from '../cases';

export interface DueReviewFilter {
  today: string;
  programme?: string;
  /** The household's village (villageName), exact. */
  village?: string;
}

export interface DueReviewRow {
  case: AssistanceCase;
  village: string;
  state: 'overdue' | 'due';
}

/**
 * The 审核 due list: open cases of every programme whose review falls due by the end of
 * this month (the `reviewDue` index, schema 11), overdue first, then by due date;
 * filtered by programme and by the household's village.
 */
export async function listDueReviews(
  db: DeskDatabase,
  filter: DueReviewFilter,
): Promise<DueReviewRow[]> {
  const found = await db.cases
    .where('reviewDue')
    .belowOrEqual(dueListHorizon(filter.today))
    .toArray();
  const rows: DueReviewRow[] = [];
  for (const c of found) {
    if (c.deleted || (filter.programme && c.programme !== filter.programme)) continue;
    const state = reviewDueState(c, filter.today);
    if (state === null) continue;
    const household = await db.households.get(c.householdId);
    const village = household?.villageName ?? '';
    if (filter.village && village !== filter.village) continue;
    rows.push({ case: c, village, state });
  }
  return rows.sort((a, b) => String(a.case.reviewDue).localeCompare(String(b.case.reviewDue)));
}

/** The villages the due list can be filtered by (those of the listed cases' households). */
export function villagesOf(rows: readonly DueReviewRow[]): string[] {
  return [...new Set(rows.map((r) => r.village).filter((v) => v !== ''))].sort();
}
