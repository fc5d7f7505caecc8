/**
 * The store's side of a login (issue #16 item 1): a locked store opens by the typed
 * password first (the web build, or an Electron desk whose OS key store lost its key);
 * the account is then proven; and a store from before encryption, opened in a browser,
 * is sealed now under a new key. Returns the proven account, or null.
 */
import { newDataKey } from '@shared/atRest/cipher';
import type { DeskDatabase } from '../database';
import { authenticate, type LocalUser } from '../repositories/users';
import { unlockWithPassword, wrapForPassword } from './passwordWraps';
import { installDataKey, isStoreSealed } from './storeKeys';

export async function openStoreForLogin(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<LocalUser | null> {
  if (!db.atRest.keys && (await isStoreSealed(db))) {
    if (!(await unlockWithPassword(db, username, password))) return null;
  }
  const proven = await authenticate(db, username, password);
  if (!proven) return null;
  if (!db.atRest.keys) await sealUnderNewKey(db, username, password);
  return proven;
}

/**
 * The new key is wrapped for this password BEFORE any row is sealed under it: a browser
 * keeps its key only in the wraps, so a run cut short (the page closed) would otherwise
 * leave rows under a key nobody has. The wrap also marks the store as sealed
 * (isStoreSealed), so the next login opens it by this password and carries on.
 */
async function sealUnderNewKey(db: DeskDatabase, username: string, password: string) {
  const dataKey = newDataKey();
  db.atRest.dataKey = dataKey;
  await wrapForPassword(db, username, password);
  await installDataKey(db, db.atRest, dataKey);
}
