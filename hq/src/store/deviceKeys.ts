import { AppError, type FieldError } from '@shared/errors/appError';
import { isPublicKey } from '@shared/package/keys';
import type { PublicKeys } from '@shared/sync/protocol';

/**
 * Refuses package keys a desk offers at enrollment unless each is a P-256 public key
 * of its use, and the two differ (one key, one purpose). A bad key accepted here would
 * only show up later, as packages no one can verify or open.
 */
export async function checkDeviceKeys(keys: PublicKeys | null): Promise<void> {
  if (!keys) return;
  const fieldErrors: FieldError[] = [];
  for (const use of ['signing', 'encryption'] as const) {
    if (!(await isPublicKey(keys[use], use))) {
      fieldErrors.push({ path: `publicKeys.${use}`, code: 'enroll.key_invalid' });
    }
  }
  if (fieldErrors.length === 0 && keys.signing === keys.encryption) {
    fieldErrors.push({ path: 'publicKeys.encryption', code: 'enroll.key_reused' });
  }
  if (fieldErrors.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The package keys must be P-256 public keys (SPKI, base64), one per use.',
      fieldErrors,
    });
  }
}
