import { leadRole } from '@shared/domain/roles';
import type { LocalUserData } from '@shared/domain/localUser';
import type { StoredRecord } from '@shared/records/envelope';
import { verifyNobody, verifyPassword } from '../../auth/password';
import { hashDigest } from '../atRest/passwordWraps';
import type { DeskDatabase } from '../database';
import type { Actor } from '../writeContext';

/**
 * The accounts as a start and a login read them: kept apart from the account writes in
 * users.ts, so that the login screen does not load the write path (and the name
 * dictionary it derives search tokens with) to show itself.
 */

export type LocalUser = StoredRecord<LocalUserData>;

export async function hasAnyUser(db: DeskDatabase): Promise<boolean> {
  return (await db.users.count()) > 0;
}

/**
 * The logged-in account as the actor of its writes: acting in its lead role (casework
 * when it holds a casework role), holding all of them (the write path names on each
 * change the held role that may write it, e.g. administrator for an account record).
 */
export function actorOf(user: Pick<LocalUser, 'id' | 'displayName' | 'roles'>): Actor {
  return { userId: user.id, name: user.displayName, role: leadRole(user.roles), roles: user.roles };
}

/**
 * Returns the user when the password matches an enabled account, else null. An unknown
 * or disabled name costs the same hashing as a wrong password (verifyNobody).
 */
export async function authenticate(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<LocalUser | null> {
  // The password just opened the store through its wrap, made for this very hash: proven.
  // Taken before anything can return, so a refused login leaves no proof for the next.
  const proven = db.atRest.provenByWrap;
  db.atRest.provenByWrap = undefined;
  const user = await db.users.where('username').equals(username.trim()).first();
  if (!user || user.disabled || user.deleted) return verifyNobody(password).then(() => null);
  if (proven?.username === username.trim() && proven.forHash === hashDigest(user.passwordHash)) {
    return user;
  }
  const ok = await verifyPassword(password, {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  });
  return ok ? user : null;
}
