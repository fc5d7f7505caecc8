/**
 * The device credential HQ issues at enrollment, held by the main process only. The
 * token is encrypted with Electron safeStorage (DPAPI on Windows, the Keychain on
 * macOS, the desktop keyring on Linux) and written to one file in userData; the
 * renderer never sees it. Without OS encryption the desk refuses to enroll rather
 * than keep the token in plain text.
 *
 * Plain module: safeStorage comes in as a parameter so Node tests pass a fake.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import { writeAtomically } from '../atomicFile';

/** The part of Electron's safeStorage used here. */
export interface Encryption {
  isEncryptionAvailable(): boolean;
  /**
   * Linux only (safeStorage): 'basic_text' when no keyring answered, and Chromium then
   * "encrypts" with a key built into every copy of it — no protection at all.
   */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface DeviceCredential {
  hqUrl: string;
  deviceId: string;
  officeId: string;
  officeName: string;
  token: string;
}

export interface EnrollmentStatus {
  enrolled: boolean;
  hqUrl: string | null;
  deviceId: string | null;
}

const fileSchema = z.object({
  format: z.literal(1),
  hqUrl: z.string().min(1),
  deviceId: z.string().min(1),
  officeId: z.string().min(1),
  officeName: z.string(),
  enrolledAt: z.string(),
  /** safeStorage output, base64. */
  encryptedToken: z.string().min(1),
});
type CredentialFile = z.infer<typeof fileSchema>;

export interface CredentialStoreDeps {
  /** Full path of the credential file (in app.getPath('userData')). */
  file: () => string;
  /** Electron's safeStorage; a function because it may only be used once the app is ready. */
  encryption: () => Encryption;
  now?: () => Date;
}

export class CredentialStore {
  constructor(private readonly deps: CredentialStoreDeps) {}

  /** Checked before an enrollment code is spent: a code HQ consumed must not be lost. */
  requireEncryption(): void {
    if (!this.deps.encryption().isEncryptionAvailable()) {
      throw new AppError({
        code: 'unavailable',
        message:
          'This computer offers no OS key storage (safeStorage), so the HQ credential cannot be kept safely.',
        details: { reason: 'no_key_storage' },
      });
    }
  }

  async save(credential: DeviceCredential): Promise<void> {
    this.requireEncryption();
    const { token, ...rest } = credential;
    const content: CredentialFile = {
      format: 1,
      ...rest,
      enrolledAt: (this.deps.now?.() ?? new Date()).toISOString(),
      encryptedToken: this.deps.encryption().encryptString(token).toString('base64'),
    };
    await writeAtomically(this.deps.file(), `${JSON.stringify(content, null, 2)}\n`);
  }

  /** What the renderer may know; a missing or unreadable file means "not enrolled". */
  async status(): Promise<EnrollmentStatus> {
    const file = await this.read();
    return file
      ? { enrolled: true, hqUrl: file.hqUrl, deviceId: file.deviceId }
      : { enrolled: false, hqUrl: null, deviceId: null };
  }

  /** The credential with its token decrypted, for one request to HQ. */
  async load(): Promise<DeviceCredential> {
    const file = await this.read();
    if (!file) {
      throw new AppError({
        code: 'unauthenticated',
        message: 'This desk is not enrolled with HQ.',
        details: { reason: 'not_enrolled' },
      });
    }
    let token: string;
    try {
      token = this.deps.encryption().decryptString(Buffer.from(file.encryptedToken, 'base64'));
    } catch {
      // Another Windows user, a reset keyring or a copied profile: enroll again.
      throw new AppError({
        code: 'unauthenticated',
        message: 'The stored HQ credential cannot be decrypted on this computer; enroll again.',
        details: { reason: 'credential_unreadable' },
      });
    }
    const { hqUrl, deviceId, officeId, officeName } = file;
    return { hqUrl, deviceId, officeId, officeName, token };
  }

  private async read(): Promise<CredentialFile | null> {
    let text: string;
    try {
      text = await readFile(this.deps.file(), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
