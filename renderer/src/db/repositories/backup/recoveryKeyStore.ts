import { keyId } from '@shared/package/keys';
import { recoveryKeyPair, validRecoveryWords } from '@shared/backup/recoveryKey';
import { AppError } from '@shared/errors/appError';
import type { DeskDatabase } from '../../database';
import { recoveryKeyPin, wrapForRecovery } from '../../atRest/recoveryWrap';
import { requireRole } from '../../permissions';
import type { WriteContext } from '../../writeContext';

/**
 * The office recovery key as the desk holds it: only the public half (meta row), never
 * the words. A backup is sealed for it; only the words open the backup again.
 */
const recoveryKeyKey = 'backupRecoveryKey';

export interface StoredRecoveryKey {
  publicKey: string;
  keyId: string;
  setAt: string;
  setBy: string;
  /** The public key's pin under the store's data key (atRest/recoveryWrap.ts). */
  pin?: string;
}

/**
 * The recovery key, if one is set AND pinned to this store's data key: a row without its
 * pin, or with another's, was not written by this desk (someone swapped in their own
 * public key so that later backups open with their words) and is ignored — the backup
 * screen then asks for the recovery key to be set up again.
 */
export async function loadRecoveryKey(db: DeskDatabase): Promise<StoredRecoveryKey | null> {
  const row = await db.meta.get(recoveryKeyKey);
  const value = row?.value as Partial<StoredRecoveryKey> | undefined;
  if (!value?.publicKey || !value.keyId) return null;
  const pin = recoveryKeyPin(db, value.publicKey);
  return pin !== null && value.pin === pin ? (value as StoredRecoveryKey) : null;
}

/**
 * After a restore: the backup's recovery key row came with the backup, pinned under the
 * old store's key. The words just typed prove it: when they are its words, it is pinned
 * anew and the data key wrapped for it.
 */
export async function adoptRecoveryKeyAfterRestore(
  db: DeskDatabase,
  words: readonly string[],
): Promise<void> {
  const row = await db.meta.get(recoveryKeyKey);
  const value = row?.value as Partial<StoredRecoveryKey> | undefined;
  if (!value?.publicKey) return;
  const { publicKey } = await recoveryKeyPair(words);
  const pin = recoveryKeyPin(db, publicKey);
  if (value.publicKey !== publicKey || pin === null) return;
  await db.meta.put({ key: recoveryKeyKey, value: { ...value, pin } });
  await wrapForRecovery(db, publicKey);
}

/**
 * Keeps the public key of the words the supervisor was shown, once they typed three of
 * them back (`checked`: position → word). A word wrong or missing writes nothing. The
 * first administrator may too: the words are shown at first run, before any supervisor
 * exists (issue #16: "shown once at first run").
 */
export async function confirmRecoveryKey(
  db: DeskDatabase,
  ctx: WriteContext,
  words: readonly string[],
  checked: Record<number, string>,
): Promise<StoredRecoveryKey> {
  requireRole(ctx, ['supervisor', 'admin'], 'set up the recovery key');
  const fieldErrors = Object.entries(checked)
    .filter(([at, word]) => words[Number(at)] !== word.trim())
    .map(([at]) => ({ path: `word${at}`, code: 'backup.word_mismatch' }));
  if (Object.keys(checked).length < 3 || !validRecoveryWords(words) || fieldErrors.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The words typed back do not match.',
      fieldErrors:
        fieldErrors.length > 0 ? fieldErrors : [{ path: 'words', code: 'backup.word_mismatch' }],
    });
  }
  const { publicKey } = await recoveryKeyPair(words);
  const stored: StoredRecoveryKey = {
    publicKey,
    keyId: await keyId(publicKey),
    setAt: ctx.now().toISOString(),
    setBy: ctx.actor.name,
    pin: recoveryKeyPin(db, publicKey) ?? '',
  };
  await db.meta.put({ key: recoveryKeyKey, value: stored });
  await wrapForRecovery(db, publicKey);
  return stored;
}
