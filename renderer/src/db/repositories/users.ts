import { AppError } from '@shared/errors/appError';
import type { LocalRole } from '@shared/domain/roles';
import type { LocalUserData } from '@shared/domain/localUser';
import type { StaffMemberData } from '@shared/domain/staff';
import type { StoredRecord } from '@shared/records/envelope';
import { hashPassword, minPasswordLength, verifyPassword } from '../../auth/password';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
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

/** What the office and HQ know of an account: no hash, no salt. */
export function staffOf(user: LocalUserData, deviceId: string): StaffMemberData {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabled,
    deviceId,
  };
}

/**
 * Writes an account: the desk-local record with its hash and, under the same id, the
 * office record HQ checks every op's actor against (written in the same transaction).
 */
export async function createUserIn(w: Writer, data: LocalUserData, id?: string) {
  const user = await w.create('localUser', data, id);
  await w.create('staffMember', staffOf(data, w.ctx.deviceId), user.id);
  return user;
}

/** Administrators create accounts; the first one is made by completeFirstRun. */
export async function createUser(
  db: DeskDatabase,
  ctx: WriteContext,
  input: NewUserInput,
): Promise<LocalUser> {
  requireRole(ctx, ['admin'], 'create accounts');
  const data = await prepareUser(input);
  return write(db, ctx, (w) => createUserIn(w, data));
}

/**
 * Desks set up before accounts synced have users without a staff record: each gets one,
 * through the write path, by the desk's first administrator (whose own record comes
 * first, so HQ sees the administrator before anyone the administrator vouches for).
 * Run at start; does nothing once every account has its record.
 */
export async function ensureStaffRecords(
  db: DeskDatabase,
  device: Pick<WriteContext, 'deviceId' | 'officeId' | 'now'>,
): Promise<number> {
  const users = (await db.users.toArray()).filter((u) => !u.deleted);
  const have = new Set((await db.staff.bulkGet(users.map((u) => u.id))).map((s) => s?.id));
  const missing = users.filter((u) => !have.has(u.id));
  const admin = users
    .filter((u) => u.role === 'admin')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (missing.length === 0 || !admin) return 0;
  const ctx: WriteContext = { ...device, actor: actorOf(admin) };
  missing.sort((a, b) => Number(b.id === admin.id) - Number(a.id === admin.id));
  await write(db, ctx, async (w) => {
    for (const user of missing)
      await w.create('staffMember', staffOf(user, device.deviceId), user.id);
  });
  return missing.length;
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
