import { AppError } from '@shared/errors/appError';
import type { LocalRole } from '@shared/domain/roles';
import type { LocalUserData } from '@shared/domain/localUser';
import type { StoredRecord } from '@shared/records/envelope';
import { hashPassword, minPasswordLength, verifyPassword } from '../../auth/password';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write } from '../writePath';
import type { Actor, WriteContext } from '../writeContext';

export type LocalUser = StoredRecord<LocalUserData>;

export interface NewUserInput {
  username: string;
  displayName: string;
  role: LocalRole;
  password: string;
}

export async function hasAnyUser(db: DeskDatabase): Promise<boolean> {
  return (await db.users.count()) > 0;
}

export async function listUsers(db: DeskDatabase): Promise<LocalUser[]> {
  return db.users.orderBy('username').toArray();
}

export function actorOf(user: LocalUser): Actor {
  return { userId: user.id, name: user.displayName, role: user.role };
}

/**
 * Checks and hashes a new account's password. Hashing happens before the write
 * transaction: IndexedDB transactions end when they await non-database work.
 */
export async function prepareUser(input: NewUserInput): Promise<LocalUserData> {
  if (input.password.length < minPasswordLength) {
    throw new AppError({
      code: 'validation',
      message: 'The password is too short.',
      fieldErrors: [
        { path: 'password', code: 'user.password_short', params: { min: minPasswordLength } },
      ],
    });
  }
  const hashed = await hashPassword(input.password);
  return {
    username: input.username.trim(),
    displayName: input.displayName,
    role: input.role,
    passwordHash: hashed.hash,
    passwordSalt: hashed.salt,
    passwordIterations: hashed.iterations,
    disabled: false,
  };
}

/** Administrators create accounts; the first one is made by completeFirstRun. */
export async function createUser(
  db: DeskDatabase,
  ctx: WriteContext,
  input: NewUserInput,
): Promise<LocalUser> {
  requireRole(ctx, ['admin'], 'create accounts');
  const data = await prepareUser(input);
  return write(db, ctx, (w) => w.create('localUser', data));
}

/** Returns the user when the password matches an enabled account, else null. */
export async function authenticate(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<LocalUser | null> {
  const user = await db.users.where('username').equals(username.trim()).first();
  if (!user || user.disabled || user.deleted) return null;
  const ok = await verifyPassword(password, {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  });
  return ok ? user : null;
}
