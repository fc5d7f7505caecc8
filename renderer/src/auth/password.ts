/**
 * Password hashing with PBKDF2-SHA-256 from WebCrypto: slow on purpose so a stolen
 * database does not give up passwords cheaply. The iteration count is stored with
 * each hash so it can be raised later without locking anyone out: a hash made with
 * fewer than today's count is made again at the account's next login (needsRehash).
 * 600,000 is OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet).
 * WebCrypto rather than a memory-hard KDF (argon2 in WebAssembly): it runs natively in
 * both builds and in a worker, and its cost is the same at the desk as in the tests.
 */
export const defaultPasswordIterations = 600_000;
export const minPasswordLength = 8;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

export async function hashPassword(
  password: string,
  iterations: number = defaultPasswordIterations,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<PasswordHash> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return { hash: toBase64(new Uint8Array(bits)), salt: toBase64(salt), iterations };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await hashPassword(password, stored.iterations, fromBase64(stored.salt));
  return constantTimeEqual(candidate.hash, stored.hash);
}

/** Whether a stored hash was made with fewer iterations than today's count. */
export function needsRehash(stored: Pick<PasswordHash, 'iterations'>): boolean {
  return stored.iterations < defaultPasswordIterations;
}

let decoy: Promise<PasswordHash> | null = null;

/**
 * Spends on a user name that is unknown (or disabled) what a wrong password costs, so the
 * time a refusal takes does not tell which names exist. Always false.
 */
export async function verifyNobody(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password of no account');
  await verifyPassword(password, await decoy);
  return false;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
