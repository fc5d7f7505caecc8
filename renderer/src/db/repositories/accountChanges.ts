import { AppError, type FieldError } from '@shared/errors/appError';
import type { LocalUserData } from '@shared/domain/localUser';
import {
  hashPassword,
  minPasswordLength,
  needsRehash,
  verifyPassword,
  type PasswordHash,
} from '../../auth/password';
import { dropStaleWraps, wrapForPassword } from '../atRest/passwordWraps';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';
import { staffOf, type LocalUser } from './users';

/**
 * What an administrator does to an existing account, and what an account does to its own
 * password (issue #16 item 4). The account's office record (`staffMember`) changes in
 * the same transaction, so HQ judges the account's later ops by it: a disabled account's
 * ops made after the change are refused there (hq/src/sync/authority/actor.ts), and a
 * reset is on HQ's record with the administrator who made it. The hash never leaves
 * the desk.
 */

function invalid(message: string, ...fieldErrors: FieldError[]): AppError {
  return new AppError({ code: 'validation', message, fieldErrors });
}

async function accountIn(w: Writer, userId: string): Promise<LocalUser> {
  const user = await w.get('localUser', userId);
  if (!user || user.deleted) {
    throw new AppError({ code: 'not_found', message: `No account with id ${userId}.` });
  }
  return user;
}

/** Updates the account's office record alongside (made when a desk lacks it). */
async function updateStaff(
  w: Writer,
  user: LocalUser,
  patch: { disabled?: boolean; passwordResetAt?: string },
) {
  const staff = await w.get('staffMember', user.id);
  if (staff) await w.update('staffMember', user.id, staff.version, patch);
  else await w.create('staffMember', { ...staffOf(user, w.ctx.deviceId), ...patch }, user.id);
}

function checkNewPassword(password: string, path: string) {
  if (password.length < minPasswordLength) {
    throw invalid('The password is too short.', {
      path,
      code: 'user.password_short',
      params: { min: minPasswordLength },
    });
  }
}

function hashFields(hashed: PasswordHash): Partial<LocalUserData> {
  return {
    passwordHash: hashed.hash,
    passwordSalt: hashed.salt,
    passwordIterations: hashed.iterations,
  };
}

/**
 * 停用 / 启用 an account (the administrator's job). An administrator cannot disable their
 * own account, and the desk keeps one enabled administrator at least.
 */
export async function setUserDisabled(
  db: DeskDatabase,
  ctx: WriteContext,
  userId: string,
  disabled: boolean,
): Promise<LocalUser> {
  requireRole(ctx, ['admin'], 'disable accounts');
  if (disabled && userId === ctx.actor.userId) {
    throw invalid('An administrator cannot disable their own account.', {
      path: 'disabled',
      code: 'user.disable_self',
    });
  }
  const changed = await write(db, ctx, async (w) => {
    const user = await accountIn(w, userId);
    if (user.disabled === disabled) return user;
    if (disabled && user.roles.includes('admin')) {
      const others = (await db.users.toArray()).filter(
        (u) => !u.deleted && !u.disabled && u.id !== userId && u.roles.includes('admin'),
      );
      if (others.length === 0) {
        throw invalid('The desk keeps one administrator at least.', {
          path: 'disabled',
          code: 'user.last_admin',
        });
      }
    }
    const updated = await w.update('localUser', userId, user.version, { disabled });
    await updateStaff(w, updated, { disabled });
    return updated;
  });
  // A disabled account's password no longer opens the store (its next login here,
  // once enabled again, makes a new wrap).
  if (disabled) await dropStaleWraps(db);
  return changed;
}

/**
 * 重置密码: the administrator sets a temporary password, which the account must change at
 * its next login. Hashing happens before the transaction (IndexedDB transactions end when
 * they await other work).
 */
export async function resetPassword(
  db: DeskDatabase,
  ctx: WriteContext,
  userId: string,
  temporaryPassword: string,
): Promise<LocalUser> {
  requireRole(ctx, ['admin'], 'reset passwords');
  checkNewPassword(temporaryPassword, 'password');
  const hashed = await hashPassword(temporaryPassword);
  const at = ctx.now().toISOString();
  const reset = await write(db, ctx, async (w) => {
    const user = await accountIn(w, userId);
    const updated = await w.update('localUser', userId, user.version, {
      ...hashFields(hashed),
      mustChangePassword: true,
    });
    await updateStaff(w, updated, { passwordResetAt: at });
    return updated;
  });
  await wrapForPassword(db, reset.username, temporaryPassword);
  return reset;
}

/**
 * 修改密码: the logged-in account changes its own password, proving the current one
 * first. Clears a reset's must-change mark. The new password may not be the old one.
 */
export async function changeOwnPassword(
  db: DeskDatabase,
  ctx: WriteContext,
  current: string,
  next: string,
): Promise<LocalUser> {
  const user = await db.users.get(ctx.actor.userId);
  if (!user || user.deleted || user.disabled) {
    throw new AppError({ code: 'forbidden', message: 'No enabled account is logged in.' });
  }
  const stored = {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  };
  if (!(await verifyPassword(current, stored))) {
    throw invalid('The current password is wrong.', {
      path: 'currentPassword',
      code: 'user.password_wrong',
    });
  }
  checkNewPassword(next, 'newPassword');
  if (next === current) {
    throw invalid('The new password is the old one.', {
      path: 'newPassword',
      code: 'user.password_same',
    });
  }
  const hashed = await hashPassword(next);
  const changed = await write(db, ctx, async (w) => {
    const fresh = await accountIn(w, user.id);
    // Reset by an administrator meanwhile: the password proven above is no longer it.
    if (fresh.passwordHash !== user.passwordHash) {
      throw invalid('The password was changed meanwhile.', {
        path: 'currentPassword',
        code: 'user.password_wrong',
      });
    }
    return w.update('localUser', user.id, fresh.version, {
      ...hashFields(hashed),
      mustChangePassword: false,
    });
  });
  await wrapForPassword(db, changed.username, next);
  return changed;
}

/**
 * After a successful login: a hash made with fewer iterations than today's is made again
 * from the password just proven (nobody else ever holds it). Returns the account as
 * stored afterwards.
 */
export async function upgradePasswordHash(
  db: DeskDatabase,
  ctx: WriteContext,
  user: LocalUser,
  password: string,
): Promise<LocalUser> {
  if (!needsRehash({ iterations: user.passwordIterations })) return user;
  const hashed = await hashPassword(password);
  return write(db, ctx, async (w) => {
    const fresh = await accountIn(w, user.id);
    // Changed meanwhile (a reset): that hash is newer than the password proven here.
    if (fresh.passwordHash !== user.passwordHash) return fresh;
    return w.update('localUser', user.id, fresh.version, hashFields(hashed));
  });
}
