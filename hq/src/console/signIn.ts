import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../db/schema';
import type { ConsoleConfig } from './consoleConfig';
import { decoyHash, passwordMatches } from './passwords';
import { toConsoleUser, type ConsoleUser } from './users';

export type SignInResult =
  | { ok: true; user: ConsoleUser }
  | { ok: false; userId: string | null; reason: 'bad_credentials' | 'locked' | 'disabled' };

/**
 * Checks a username and password. A wrong password counts against the account; at
 * the limit it locks for the configured minutes (a right password does not open a
 * locked account); a good sign-in resets the count. An unknown name costs the same
 * hash check, so the answer's time does not tell which names exist.
 */
export async function checkSignIn(
  db: Kysely<HqTables>,
  username: string,
  password: string,
  config: ConsoleConfig,
  now: Date,
): Promise<SignInResult> {
  const row = await db
    .selectFrom('console_users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) {
    await passwordMatches(await decoyHash(), password);
    return { ok: false, userId: null, reason: 'bad_credentials' };
  }
  if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) {
    return { ok: false, userId: row.id, reason: 'locked' };
  }
  const matches = await passwordMatches(row.password_hash, password);
  if (row.disabled !== 0) return { ok: false, userId: row.id, reason: 'disabled' };
  if (!matches) {
    // Counted in the database, so wrong passwords sent all at once are each counted.
    const counted = await db
      .updateTable('console_users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', row.id)
      .returning('failed_attempts')
      .executeTakeFirst();
    const lock = (counted?.failed_attempts ?? 0) >= config.maxFailedAttempts;
    if (lock) {
      await db
        .updateTable('console_users')
        .set({
          failed_attempts: 0,
          locked_until: new Date(now.getTime() + config.lockMinutes * 60_000).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
    }
    return { ok: false, userId: row.id, reason: lock ? 'locked' : 'bad_credentials' };
  }
  await db
    .updateTable('console_users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
  return { ok: true, user: toConsoleUser({ ...row, failed_attempts: 0, locked_until: null }) };
}

/** The refusal a failed sign-in answers with: the same words for a wrong name or password. */
export function signInRefusal(reason: 'bad_credentials' | 'locked' | 'disabled'): AppError {
  if (reason === 'locked') {
    return new AppError({
      code: 'unauthenticated',
      message: 'This account is locked after too many wrong passwords; try again later.',
      details: { reason: 'console.locked' },
    });
  }
  return new AppError({
    code: 'unauthenticated',
    message: 'Wrong username or password, or the account is disabled.',
    details: { reason: 'console.bad_credentials' },
  });
}
