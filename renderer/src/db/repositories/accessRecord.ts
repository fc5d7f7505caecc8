import type { AccessAction } from '@shared/domain/accessLog';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import type { WriteContext } from '../writeContext';

/** One line of 谁查看过: who, when, what they did, and why when they said. */
export interface AccessLine {
  id: string;
  at: string;
  who: string;
  action: AccessAction;
  purpose: string;
  chainSeq: number | null;
}

/**
 * 谁查看过 a person or a case (issue #16 item 3): every logged look at the subject on
 * this desk, newest first — views, full-ID reveals, prints, exports. The supervisor's
 * (who answers for the office's data); the log itself is never shown to whoever it logs.
 */
export async function whoLookedAt(
  db: DeskDatabase,
  ctx: WriteContext,
  subjectId: string,
  limit = 200,
): Promise<AccessLine[]> {
  requireRole(ctx, ['supervisor'], 'read the access record');
  const entries = await db.accessLog.where('subjectId').equals(subjectId).toArray();
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const shown = entries.slice(0, limit);
  const staff = await db.staff.bulkGet([...new Set(shown.map((e) => e.createdBy))]);
  const names = new Map(staff.flatMap((s) => (s ? [[s.id, s.displayName] as const] : [])));
  return shown.map((e) => ({
    id: e.id,
    at: e.createdAt,
    who: names.get(e.createdBy) ?? e.createdBy,
    action: e.action,
    purpose: e.purpose,
    chainSeq: e.chainSeq ?? null,
  }));
}
