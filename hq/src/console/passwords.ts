import { hash, verify } from '@node-rs/argon2';
import { AppError } from '@shared/errors/appError';

/** The shortest password an account may have. */
export const minPasswordLength = 10;

/**
 * argon2id (the package's default algorithm) with its default memory-hard costs
 * (19 MiB, 2 passes): the PHC string carries salt and costs, so they may rise later.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const passwordMatches = (stored: string, password: string): Promise<boolean> =>
  verify(stored, password);

/** Checked against when the username is unknown, so that answer takes as long. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hash('not a password of anyone'));

export function checkPasswordRule(password: string, path = 'password'): void {
  if (password.length < minPasswordLength || password.length > 200) {
    throw new AppError({
      code: 'validation',
      message: `A password has ${minPasswordLength} to 200 characters.`,
      fieldErrors: [
        { path, code: 'console.password_length', params: { min: minPasswordLength, max: 200 } },
      ],
    });
  }
}
