import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { HqTables } from '../db/schema';

export interface AuditEntry {
  userId: string | null;
  username: string;
  action: string;
  target: string;
  /** 'ok', or the error code that refused the action. */
  result: string;
  detail?: Record<string, unknown>;
}

/** One line of the console's audit log. Never given a password. */
export async function writeAudit(db: Kysely<HqTables>, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('console_audit')
    .values({
      id: uuidv7(),
      at: at.toISOString(),
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target: entry.target,
      result: entry.result,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditLine {
  id: string;
  at: string;
  username: string;
  action: string;
  target: string;
  result: string;
  detail: Record<string, unknown>;
}

/** The newest lines first (uuidv7 ids sort by time). */
export async function listAudit(db: Kysely<HqTables>, limit: number): Promise<AuditLine[]> {
  const rows = await db
    .selectFrom('console_audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    username: r.username,
    action: r.action,
    target: r.target,
    result: r.result,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
