import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HqTables } from '../db/schema';
import type { ConsoleConfig } from './consoleConfig';
import { toConsoleUser, type ConsoleUser } from './users';

export const sessionIdHash = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');
const minutes = (n: number) => n * 60_000;

/** A new session: the id (256 random bits) goes to the cookie, only its hash to the table. */
export async function openSession(
  db: Kysely<HqTables>,
  userId: string,
  config: ConsoleConfig,
  now: Date,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  // Sessions nobody came back to are removed here, so the table holds live ones only.
  await db
    .deleteFrom('console_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', at),
        eb(
          'last_seen_at',
          '<=',
          new Date(now.getTime() - minutes(config.idleMinutes)).toISOString(),
        ),
      ]),
    )
    .execute();
  await db
    .insertInto('console_sessions')
    .values({
      id_hash: sessionIdHash(id),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + minutes(config.maxSessionMinutes)).toISOString(),
    })
    .execute();
  return id;
}

export interface ConsoleSession {
  idHash: string;
  user: ConsoleUser;
}

/**
 * The session a cookie names if it is still alive: not past its end, used within the
 * idle time, its account enabled. Using it moves "last seen" on; a dead one is deleted.
 */
export async function liveSession(
  db: Kysely<HqTables>,
  id: string,
  config: ConsoleConfig,
  now: Date,
): Promise<ConsoleSession | null> {
  if (!id) return null;
  const hash = sessionIdHash(id);
  const row = await db
    .selectFrom('console_sessions')
    .innerJoin('console_users', 'console_users.id', 'console_sessions.user_id')
    .selectAll('console_users')
    .select(['console_sessions.last_seen_at', 'console_sessions.expires_at'])
    .where('console_sessions.id_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const idleSince = now.getTime() - minutes(config.idleMinutes);
  const dead =
    row.disabled !== 0 ||
    Date.parse(row.expires_at) <= now.getTime() ||
    Date.parse(row.last_seen_at) <= idleSince;
  if (dead) {
    await closeSession(db, hash);
    return null;
  }
  await db
    .updateTable('console_sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id_hash', '=', hash)
    .execute();
  return { idHash: hash, user: toConsoleUser(row) };
}

export async function closeSession(db: Kysely<HqTables>, hash: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id_hash', '=', hash).execute();
}
