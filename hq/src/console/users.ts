import { sql, type Kysely, type Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../db/schema';
import { parseBody } from '../http/errors';
import { checkPasswordRule, hashPassword } from './passwords';
import { consoleRoleSchema, type ConsoleRole } from './roles';

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,32}$/),
  displayName: z.string().trim().min(1).max(40),
  role: consoleRoleSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  createdBy: string;
}

type UserRow = Selectable<HqTables['console_users']>;

export const toConsoleUser = (row: UserRow): ConsoleUser => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled !== 0,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/**
 * A county staff account. The username signs in as typed, and no two differ only in case
 * ("Wang" beside "wang" would let one pass for the other in the audit log).
 */
export async function addUser(
  db: Kysely<HqTables>,
  input: unknown,
  password: string,
  createdBy: string,
  now: Date,
): Promise<ConsoleUser> {
  const user = parseBody(newUserSchema, input);
  checkPasswordRule(password);
  const existing = await db
    .selectFrom('console_users')
    .select('id')
    .where(sql`lower(username)`, '=', user.username.toLowerCase())
    .executeTakeFirst();
  if (existing) {
    throw new AppError({
      code: 'duplicate',
      message: `There is already an account ${user.username}.`,
      fieldErrors: [{ path: 'username', code: 'console.username_taken' }],
    });
  }
  const at = now.toISOString();
  const row = {
    id: uuidv7(),
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    password_hash: await hashPassword(password),
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    created_at: at,
    created_by: createdBy,
    updated_at: at,
  };
  await db.insertInto('console_users').values(row).execute();
  return toConsoleUser(row);
}

export async function listUsers(db: Kysely<HqTables>): Promise<ConsoleUser[]> {
  const rows = await db.selectFrom('console_users').selectAll().orderBy('username').execute();
  return rows.map(toConsoleUser);
}

export async function findUser(db: Kysely<HqTables>, id: string): Promise<UserRow> {
  const row = await db
    .selectFrom('console_users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError({ code: 'not_found', message: `No account ${id}.` });
  return row;
}

/** Disables (or enables) an account; disabling also ends its sessions. */
export async function setUserDisabled(
  db: Kysely<HqTables>,
  id: string,
  disabled: boolean,
  now: Date,
): Promise<ConsoleUser> {
  await findUser(db, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('console_users')
      .set({ disabled: disabled ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    if (disabled) await tx.deleteFrom('console_sessions').where('user_id', '=', id).execute();
  });
  return toConsoleUser(await findUser(db, id));
}

/** A new password set by an administrator: it unlocks the account and ends its sessions. */
export async function resetPassword(
  db: Kysely<HqTables>,
  id: string,
  password: string,
  now: Date,
): Promise<ConsoleUser> {
  await findUser(db, id);
  checkPasswordRule(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('console_users')
      .set({
        password_hash: passwordHash,
        failed_attempts: 0,
        locked_until: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('console_sessions').where('user_id', '=', id).execute();
  });
  return toConsoleUser(await findUser(db, id));
}
