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

/**
 * The most of a detail a line keeps: a refused publisher's body is logged as sent, and
 * anyone signed in could otherwise stuff megabytes into every line (and into the
 * administrators' audit page, which reads 200 lines at once).
 */
export const maxAuditDetailChars = 4000;

function detailText(detail: Record<string, unknown> | undefined): string {
  const text = JSON.stringify(detail ?? {});
  if (text.length <= maxAuditDetailChars) return text;
  return JSON.stringify({ truncated: true, chars: text.length, start: text.slice(0, 1000) });
}

/** One line of the console's audit log. Never given a password. */
/**
 * An audit line records what was sent, hostile text included; PostgreSQL text cannot
 * hold NUL, so a NUL is kept as U+FFFD (the line is written, the refusal stands).
 */
const storable = (text: string): string => text.replaceAll('\u0000', '\uFFFD');

export async function writeAudit(db: Kysely<HqTables>, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('console_audit')
    .values({
      id: uuidv7(),
      at: at.toISOString(),
      user_id: entry.userId,
      username: storable(entry.username),
      action: storable(entry.action),
      target: storable(entry.target),
      result: storable(entry.result),
      detail: detailText(entry.detail),
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

/**
 * The newest lines first (uuidv7 ids sort by time); given `before`, the lines older
 * than that one, so every line stays reachable however many came after it.
 */
export async function listAudit(
  db: Kysely<HqTables>,
  limit: number,
  before?: string,
): Promise<AuditLine[]> {
  let query = db.selectFrom('console_audit').selectAll();
  if (before) query = query.where('id', '<', before);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
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
