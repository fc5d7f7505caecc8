/**
 * The data key wrapped by each account's password (issue #16 item 1): how the web build,
 * which has no OS key store, opens its store at login, and how an Electron desk whose OS
 * key store was reset still opens by any of its accounts. A wrap is AES-256-GCM of the
 * data key under PBKDF2-SHA256 of the password with its own salt (the same work factor
 * as the password hash, renderer/src/auth/password.ts; a different salt, so the stored
 * hash gives nothing towards the wrap). Wraps live in meta, which is not sealed: the
 * store must read them while it is still locked.
 *
 * A wrap is made whenever a password is known to the desk: at first run, when an
 * administrator creates an account or resets a password, when an account changes its
 * own, and at a login with no wrap yet (an account that came from another desk).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '@shared/package/webCrypto';
import {
  defaultPasswordIterations,
  hashPassword,
  needsRehash,
  verifyNobody,
} from '../../auth/password';
import type { DeskDatabase } from '../database';
import { installDataKey, isStoreSealed } from './storeKeys';

export const passwordWrapsMetaKey = 'atRestPasswordWraps';

interface PasswordWrap {
  salt: string;
  iterations: number;
  iv: string;
  sealedKey: string;
  /**
   * SHA-256 of the account's password hash when the wrap was made: a login that opened
   * the store with this wrap has proven that password, and when the account's hash is
   * still this one the login skips hashing it a second time (passwordProvenByWrap).
   */
  forHash?: string;
}

/** What a login learns when its password opened the store. */
export interface ProvenByWrap {
  username: string;
  forHash: string;
}

export function hashDigest(passwordHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(passwordHash)));
}

type Wraps = Record<string, PasswordWrap>;

/**
 * Wraps are found by the user name as typed at login, trimmed: as accounts are (user names
 * are case-sensitive, so `Wang` and `wang` are two accounts with two wraps).
 */
const wrapName = (username: string) => username.trim();

async function readWraps(db: DeskDatabase): Promise<Wraps> {
  const row = await db.meta.get(passwordWrapsMetaKey);
  return (row?.value as Wraps | undefined) ?? {};
}

async function aesKey(password: string, salt: Uint8Array, iterations: number) {
  const bits = await hashPassword(password, iterations, salt);
  return crypto.subtle.importKey('raw', fromBase64(bits.hash) as BufferSource, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * Wraps the open store's data key for this account's password (replacing an older wrap).
 * `firstKey`: the key is new and the store not yet sealed (a browser store from before
 * encryption at its first login) — the wrap is written only if no tab of this desk has
 * sealed it or claimed a key for it meanwhile (one transaction: IndexedDB runs two tabs'
 * in turn). Returns whether the wrap was written.
 */
export async function wrapForPassword(
  db: DeskDatabase,
  username: string,
  password: string,
  options: { firstKey?: boolean } = {},
): Promise<boolean> {
  const dataKey = db.atRest.dataKey;
  if (!dataKey) return false; // a locked store has nothing to wrap; its key opens it elsewhere
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const iterations = defaultPasswordIterations;
  const key = await aesKey(password, salt, iterations);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource },
    key,
    dataKey as BufferSource,
  );
  const account = await db.users.where('username').equals(username.trim()).first();
  const wrap: PasswordWrap = {
    salt: toBase64(salt),
    iterations,
    iv: toBase64(iv),
    sealedKey: toBase64(new Uint8Array(sealed)),
    ...(account ? { forHash: hashDigest(account.passwordHash) } : {}),
  };
  return db.transaction('rw', db.meta, async () => {
    if (options.firstKey && (await isStoreSealed(db))) return false;
    const wraps = await readWraps(db);
    await db.meta.put({
      key: passwordWrapsMetaKey,
      value: { ...wraps, [wrapName(username)]: wrap },
    });
    return true;
  });
}

/**
 * Drops the wraps whose password must no longer open the store's files: an account
 * disabled or deleted, or one whose password changed since its wrap was made (on another
 * desk, arriving by sync). A copied profile keeps every wrap, so a wrap left behind would
 * still give the data key to an old or revoked password. Needs the store open.
 */
export async function dropStaleWraps(db: DeskDatabase): Promise<void> {
  const accounts = await db.users.toArray();
  await db.transaction('rw', db.meta, async () => {
    const wraps = await readWraps(db);
    const kept: Wraps = {};
    for (const [name, wrap] of Object.entries(wraps)) {
      const mine = accounts.filter((a) => wrapName(a.username) === name);
      const stale =
        mine.length > 0 &&
        mine.every(
          (a) =>
            a.disabled === true ||
            a.deleted === true ||
            (wrap.forHash !== undefined && wrap.forHash !== hashDigest(a.passwordHash)),
        );
      if (!stale) kept[name] = wrap;
    }
    if (Object.keys(kept).length !== Object.keys(wraps).length) {
      await db.meta.put({ key: passwordWrapsMetaKey, value: kept });
    }
  });
}

/** Whether this account has a wrap at the current work factor. */
export async function hasCurrentWrap(db: DeskDatabase, username: string): Promise<boolean> {
  const wrap = (await readWraps(db))[wrapName(username)];
  return wrap !== undefined && !needsRehash(wrap);
}

/**
 * Opens a locked store with this account's password. False for an unknown name (after
 * the same work as a wrong password), a wrong password, or a key the store refuses.
 */
export async function unlockWithPassword(
  db: DeskDatabase,
  username: string,
  password: string,
): Promise<boolean> {
  if (db.atRest.keys) return true;
  const wrap = (await readWraps(db))[wrapName(username)];
  if (!wrap) return verifyNobody(password);
  let dataKey: Uint8Array;
  try {
    const key = await aesKey(password, fromBase64(wrap.salt), wrap.iterations);
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(wrap.iv) as BufferSource },
      key,
      fromBase64(wrap.sealedKey) as BufferSource,
    );
    dataKey = new Uint8Array(opened);
  } catch {
    return false;
  }
  if (!(await installDataKey(db, db.atRest, dataKey))) return false;
  if (wrap.forHash)
    db.atRest.provenByWrap = { username: wrapName(username), forHash: wrap.forHash };
  return true;
}
