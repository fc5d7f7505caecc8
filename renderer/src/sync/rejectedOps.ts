/**
 * Changes HQ refused for good (with its reason): out of the queue so they never block
 * it, kept here for people to see and redo by hand if still wanted.
 */
import type { DeskDatabase, RejectedOpRow } from '../db/database';

export type RejectedOp = RejectedOpRow;

export function rejectedCount(db: DeskDatabase): Promise<number> {
  return db.rejectedOps.count();
}

/** Newest first. */
export async function rejectedOps(db: DeskDatabase, limit = 200): Promise<RejectedOp[]> {
  const rows = await db.rejectedOps.toArray();
  rows.sort((a, b) => b.rejectedAt.localeCompare(a.rejectedAt));
  return rows.slice(0, limit);
}
