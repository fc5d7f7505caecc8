/**
 * The data key wrapped for the office recovery key (issue #16 item 1: "by an office
 * recovery key … so a new PC can open a backup", and a desk whose every password wrap
 * is lost can still be opened). The desk holds only the recovery key's public half
 * (repositories/backup/recoveryKeyStore.ts); the data key is sealed for it the way a
 * backup is (shared/package/envelope.ts: a content key wrapped by ECDH P-256 → HKDF →
 * AES-KW), and only the 24 words open it again.
 *
 * The recovery key's meta row is pinned to the data key: it carries an HMAC of its
 * public key under the store's token key, so a row swapped by someone who can write the
 * profile but has no data key (to have later backups open with THEIR words) is ignored.
 */
import {
  decryptContent,
  encryptContent,
  unwrapContentKey,
  wrapContentKeyFor,
  type WrappedContentKey,
} from '@shared/package/envelope';
import { indexToken, recoveryKeyPinLabel } from '@shared/atRest/cipher';
import {
  importRecoveryPrivateKey,
  normalizeWords,
  recoveryKeyPair,
} from '@shared/backup/recoveryKey';
import { fromBase64, toBase64, type CryptoKeyLike } from '@shared/package/webCrypto';
import type { DeskDatabase } from '../database';
import { installDataKey } from './storeKeys';

export const recoveryWrapMetaKey = 'atRestRecoveryWrap';

interface RecoveryWrap {
  /** The recovery public key (SPKI, base64) the data key is wrapped for. */
  publicKey: string;
  iv: string;
  /** The data key under the content key, base64. */
  sealedKey: string;
  wrapped: WrappedContentKey;
}

/** The pin of a recovery public key under this store's data key (null while locked). */
export function recoveryKeyPin(db: DeskDatabase, publicKey: string): string | null {
  return db.atRest.keys ? indexToken(db.atRest.keys, recoveryKeyPinLabel, publicKey) : null;
}

/** Seals the open store's data key for this recovery public key (replacing an older one). */
export async function wrapForRecovery(db: DeskDatabase, publicKey: string): Promise<void> {
  const dataKey = db.atRest.dataKey;
  if (!dataKey) return;
  const sealed = await encryptContent(dataKey.slice() as Uint8Array<ArrayBuffer>);
  const wrap: RecoveryWrap = {
    publicKey,
    iv: sealed.iv,
    sealedKey: toBase64(sealed.encrypted),
    wrapped: await wrapContentKeyFor(sealed.contentKey, publicKey),
  };
  await db.meta.put({ key: recoveryWrapMetaKey, value: wrap });
}

/** Whether the data key is wrapped for this recovery public key. */
export async function hasRecoveryWrap(db: DeskDatabase, publicKey: string): Promise<boolean> {
  const row = await db.meta.get(recoveryWrapMetaKey);
  return (row?.value as RecoveryWrap | undefined)?.publicKey === publicKey;
}

/** Opens a locked store with the recovery words. False when they do not open it. */
/** unlockWithRecoveryWords of the words as typed (spaces, commas or none between them). */
export function unlockWithRecoveryText(db: DeskDatabase, text: string): Promise<boolean> {
  return unlockWithRecoveryWords(db, normalizeWords(text));
}

export async function unlockWithRecoveryWords(
  db: DeskDatabase,
  words: readonly string[],
): Promise<boolean> {
  if (db.atRest.keys) return true;
  const row = await db.meta.get(recoveryWrapMetaKey);
  const wrap = row?.value as RecoveryWrap | undefined;
  if (!wrap) return false;
  try {
    const pair = await recoveryKeyPair(words);
    if (pair.publicKey !== wrap.publicKey) return false;
    const privateKey = (await importRecoveryPrivateKey(pair)) as CryptoKeyLike;
    const contentKey = await unwrapContentKey(privateKey, wrap.wrapped);
    const dataKey = await decryptContent(contentKey, wrap.iv, fromBase64(wrap.sealedKey));
    return installDataKey(db, db.atRest, dataKey);
  } catch {
    return false;
  }
}
