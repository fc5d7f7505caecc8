/**
 * The desk store's data key, held for the renderer by the main process (issue #16
 * item 1): 32 random bytes made on first use, kept in one file in userData encrypted by
 * the OS key store (safeStorage: DPAPI, the Keychain, the desktop keyring), so the store
 * opens — and sync runs — before anyone logs in, and the file alone, copied off the PC,
 * opens nothing. Without OS encryption it answers null: the store then opens only by a
 * user's password, as in the web build (renderer/src/db/atRest/passwordWraps.ts).
 *
 * Plain module: safeStorage and randomness come in as parameters so Node tests pass
 * fakes.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import type { Encryption } from '../sync/credentialStore';
import { writeAtomically } from '../atomicFile';

export interface DataKeyFileDeps {
  /** Full path of the key file (in app.getPath('userData')). */
  file: () => string;
  encryption: () => Encryption;
  randomBytes: (length: number) => Uint8Array;
}

const fileSchema = z.object({
  format: z.literal(1),
  /** safeStorage output of the key's base64, base64. */
  encryptedKey: z.string().min(1),
});

export class DataKeyFile {
  private made: Promise<string> | null = null;

  constructor(private readonly deps: DataKeyFileDeps) {}

  /** The data key, base64; made and stored on first use. Null without OS encryption. */
  async key(): Promise<string | null> {
    const encryption = this.deps.encryption();
    if (!encryption.isEncryptionAvailable() || builtInKeyOnly(encryption)) return null;
    const stored = await this.read();
    if (stored !== null) {
      try {
        return encryption.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Another OS user, a reset keyring: never make a second key over the first.
        throw new AppError({
          code: 'unavailable',
          message: 'The data key file cannot be decrypted by this OS account.',
          details: { reason: 'data_key_unreadable' },
        });
      }
    }
    // One key even if two calls race at first start.
    this.made ??= this.make(encryption);
    return this.made;
  }

  private async make(encryption: Encryption): Promise<string> {
    const key = Buffer.from(this.deps.randomBytes(32)).toString('base64');
    const content = {
      format: 1 as const,
      encryptedKey: encryption.encryptString(key).toString('base64'),
    };
    await writeAtomically(this.deps.file(), `${JSON.stringify(content)}\n`);
    return key;
  }

  private async read(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(this.deps.file(), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new AppError({
        code: 'unavailable',
        message: 'The data key file is damaged.',
        details: { reason: 'data_key_damaged' },
      });
    }
    return parsed.data.encryptedKey;
  }
}

/**
 * A Linux desk with no keyring (a bare 麒麟 / UOS session): safeStorage says it is
 * available but seals with Chromium's fixed built-in key, so a key file sealed so would
 * open on any PC. The store then opens by a password, as in the web build.
 */
function builtInKeyOnly(encryption: Encryption): boolean {
  try {
    return encryption.getSelectedStorageBackend?.() === 'basic_text';
  } catch {
    return false; // not Linux: the method is not there
  }
}
