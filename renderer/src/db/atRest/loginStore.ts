/**
 * The store's side of a login (issue #16 item 1): a locked store opens by the typed
 * password first (the web build, or an Electron desk whose OS key store lost its key);
 * the account is then proven; and a store from before encryption, opened in a browser,
 * is sealed now under a new key. Returns the proven account, or null.
 *
 * A login refused after the password opened the store (a disabled account, a password
 * hash that does not match the wrap's, a step that throws) leaves it as locked as it
 * found it: the key it opened is forgotten. So does a logout (lockStoreAtLogout).
 */
import { newDataKey } from '@shared/atRest/cipher';
import type { DeskDatabase } from '../database';
import { authenticate, type LocalUser } from '../repositories/accountReads';
import { verifyNobody, verifyPassword } from '../../auth/password';
import { storedAccountRow } from './atRestRow';
import { unlockWithPassword, wrapForPassword } from './passwordWraps';
import { forgetDataKey, installDataKey, isStoreSealed } from './storeKeys';

export async function openStoreForLogin(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<LocalUser | null> {
  const wasLocked = !db.atRest.keys;
  // Another tab of this desk may make the store's first sealing (its first login, as
  // this one) while this login reads the store as plain: it then fails to read (a row
  // sealed under the other key) or loses the claim of its own key. Either way the login
  // is made once more, from the start, on the store as now sealed: its password opens
  // the store and is proven again, as at any later login.
  for (let again = false; ; again = true) {
    try {
      const result = await openAndProve(db, username, password, wasLocked);
      if (result !== 'sealedMeanwhile') return result;
      if (again) return null;
    } catch (error) {
      if (wasLocked) forgetDataKey(db.atRest);
      if (again || !wasLocked || !isLockedError(error) || !(await isStoreSealed(db))) throw error;
    }
  }
}

async function openAndProve(
  db: DeskDatabase,
  username: string,
  password: string,
  wasLocked: boolean,
): Promise<LocalUser | null | 'sealedMeanwhile'> {
  if (wasLocked && (await isStoreSealed(db))) {
    if (!(await provenBeforeFirstSealing(db, username, password))) return null;
    if (!(await unlockWithPassword(db, username, password))) return null;
  }
  const proven = await authenticate(db, username, password);
  if (!proven) {
    if (wasLocked) forgetDataKey(db.atRest);
    return null;
  }
  if (!db.atRest.keys) {
    const sealed = await sealUnderNewKey(db, username, password);
    if (sealed === 'lost') return 'sealedMeanwhile';
    if (sealed === 'refused') {
      forgetDataKey(db.atRest);
      return null;
    }
  }
  return proven;
}

/**
 * A wrap is taken as proof of its password (a login hashes once) only where the key it
 * opens is the store's. A wrap is only as good as whoever wrote it — a profile's files
 * can be written outside the desk — and so is an at-rest row in a store not yet sealed
 * (its MAC is under whatever key comes); and the key a wrap opens seals the store's
 * plain rows as the store is opened with it. So before any wrap is opened:
 * - no account of that name: refused (a wrap planted for a name nobody has seals nothing);
 * - its row still plain (a store from before encryption, or a first sealing cut short or
 *   under way in another tab): the password is proven against that row's hash, and a
 *   disabled or deleted account is refused;
 * - its row sealed: the key the wrap opens must open it, as at every later login (a key
 *   planted beside a sealed account seals at most the rows still plain, which whoever
 *   could write the profile could read already; the store then refuses the account).
 * A refusal here costs two password hashes, as a login that goes on does (this check and
 * the wrap), so its time does not tell a right password from a wrong one.
 */
async function provenBeforeFirstSealing(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<boolean> {
  await db.open();
  const stored = await storedAccountRow(db, username.trim());
  if (stored === 'sealed') return true;
  const refuse = async (hashes: number) => {
    for (let i = 0; i < hashes; i++) await verifyNobody(password);
    return false;
  };
  if (stored === null || stored.disabled === true || stored.deleted === true) return refuse(2);
  const { passwordHash, passwordSalt, passwordIterations } = stored;
  if (
    typeof passwordHash !== 'string' ||
    typeof passwordSalt !== 'string' ||
    typeof passwordIterations !== 'number' ||
    !(passwordIterations >= 1 && passwordIterations <= maxIterations)
  )
    return refuse(2);
  // Read bare, and checked here: through the store, a planted row saying "sealed
  // throughout" would refuse the plain account with an error instead.
  const proven = await verifyPassword(password, {
    hash: passwordHash,
    salt: passwordSalt,
    iterations: passwordIterations,
  }).catch(() => false);
  return proven || refuse(1);
}

/** More than any work factor the desk uses: a planted row asking for more would hang the login. */
const maxIterations = 10_000_000;

const isLockedError = (error: unknown) =>
  error instanceof Error && error.name === 'StoreLockedError';

/**
 * Runs the rest of a login (wraps, staff records, a rehash) once the store is open: if a
 * step throws, the store is locked again when this login opened it.
 */
export async function finishLogin<T>(
  db: DeskDatabase,
  wasLocked: boolean,
  steps: () => Promise<T>,
): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    if (wasLocked) forgetDataKey(db.atRest);
    throw error;
  }
}

/**
 * A logout: a store a person opened (a password, the recovery words, a browser's first
 * run) is locked again, so the next person at the screen needs a password that opens it.
 * A store opened by the OS key store (Electron) stays open: it syncs with nobody logged in.
 */
export function lockStoreAtLogout(db: DeskDatabase): void {
  if (db.atRest.openedBy === 'person') forgetDataKey(db.atRest);
}

/**
 * The new key is wrapped for this password BEFORE any row is sealed under it: a browser
 * keeps its key only in the wraps, so a run cut short (the page closed) would otherwise
 * leave rows under a key nobody has. The wrap also marks the store as sealed
 * (isStoreSealed), so the next login opens it by this password and carries on.
 *
 * Another tab of the desk may be logging in at the same moment: its key is the store's
 * if its wrap went first (wrapForPassword's `firstKey`): 'lost', and the login is made
 * again as on a sealed store (openStoreForLogin) — refused if this account has no wrap, as any
 * account without one is on a locked store. (Two keys each sealing part of the store
 * would leave the rows under one of them closed for good.) 'refused': the store refused
 * the new key.
 */
async function sealUnderNewKey(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<'sealed' | 'lost' | 'refused'> {
  const dataKey = newDataKey();
  db.atRest.dataKey = dataKey;
  if (!(await wrapForPassword(db, username, password, { firstKey: true }))) {
    forgetDataKey(db.atRest);
    return 'lost';
  }
  return (await installDataKey(db, db.atRest, dataKey)) ? 'sealed' : 'refused';
}
