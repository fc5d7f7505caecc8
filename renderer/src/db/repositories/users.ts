import { AppError } from '@shared/errors/appError';
import { heldRolesSchema } from '@shared/domain/heldRoles';
import type { LocalRole } from '@shared/domain/roles';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import type { LocalUserData } from '@shared/domain/localUser';
import type { StaffMemberData } from '@shared/domain/staff';
import { hashPassword, minPasswordLength } from '../../auth/password';
import { wrapForPassword } from '../atRest/passwordWraps';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';
import { actorOf, type LocalUser } from './accountReads';

export { actorOf, authenticate, hasAnyUser, type LocalUser } from './accountReads';

export interface NewUserInput {
  username: string;
  displayName: string;
  /** Chosen explicitly: one role, or two when one person does both in a small office. */
  roles: LocalRole[];
  password: string;
}

export async function listUsers(db: DeskDatabase): Promise<LocalUser[]> {
  return db.users.orderBy('username').toArray();
}

/** The roles, checked: at least one, each once (the dialog offers the common sets). */
function checkedRoles(roles: readonly LocalRole[]): LocalRole[] {
  const parsed = heldRolesSchema.safeParse(roles);
  if (!parsed.success) {
    throw new AppError({
      code: 'validation',
      message: 'An account holds at least one role, each once.',
      fieldErrors: fieldErrorsFromZod(parsed.error).map((e) => ({ ...e, path: 'roles' })),
    });
  }
  return parsed.data;
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
  const roles = checkedRoles(input.roles);
  const hashed = await hashPassword(input.password);
  return {
    username: input.username.trim(),
    displayName: input.displayName,
    roles,
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
    roles: [...user.roles],
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
  const user = await write(db, ctx, (w) => createUserIn(w, data));
  await wrapForPassword(db, user.username, input.password);
  return user;
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
    .filter((u) => u.roles.includes('admin'))
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

/**
 * Changes the roles an account holds (the administrator's job): the desk-local account
 * and its office record together, so HQ judges the account's later ops by the new roles
 * and its earlier ones by the old. The desk keeps one administrator at least.
 */
export async function setUserRoles(
  db: DeskDatabase,
  ctx: WriteContext,
  userId: string,
  roles: readonly LocalRole[],
): Promise<LocalUser> {
  requireRole(ctx, ['admin'], 'change accounts');
  const chosen = checkedRoles(roles);
  return write(db, ctx, async (w) => {
    const user = await w.get('localUser', userId);
    if (!user || user.deleted) {
      throw new AppError({ code: 'not_found', message: `No account with id ${userId}.` });
    }
    const admins = (await db.users.toArray()).filter(
      (u) => !u.deleted && !u.disabled && u.id !== userId && u.roles.includes('admin'),
    );
    if (!chosen.includes('admin') && admins.length === 0) {
      throw new AppError({
        code: 'validation',
        message: 'The desk keeps one administrator at least.',
        fieldErrors: [{ path: 'roles', code: 'user.last_admin' }],
      });
    }
    const updated = await w.update('localUser', userId, user.version, { roles: chosen });
    const staff = await w.get('staffMember', userId);
    if (staff) await w.update('staffMember', userId, staff.version, { roles: chosen });
    else await w.create('staffMember', staffOf(updated, ctx.deviceId), userId);
    return updated;
  });
}
