import { keyId } from '@shared/package/keys';
import { recoveryKeyPair, validRecoveryWords } from '@shared/backup/recoveryKey';
import { AppError } from '@shared/errors/appError';
import type { DeskDatabase } from '../../database';
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
}

export async function loadRecoveryKey(db: DeskDatabase): Promise<StoredRecoveryKey | null> {
  const row = await db.meta.get(recoveryKeyKey);
  const value = row?.value as Partial<StoredRecoveryKey> | undefined;
  return value?.publicKey && value.keyId ? (value as StoredRecoveryKey) : null;
}

/**
 * Keeps the public key of the words the supervisor was shown, once they typed three of
 * them back (`checked`: position → word). A word wrong or missing writes nothing.
 */
export async function confirmRecoveryKey(
  db: DeskDatabase,
  ctx: WriteContext,
  words: readonly string[],
  checked: Record<number, string>,
): Promise<StoredRecoveryKey> {
  requireRole(ctx, ['supervisor'], 'set up the recovery key');
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
  };
  await db.meta.put({ key: recoveryKeyKey, value: stored });
  return stored;
}
