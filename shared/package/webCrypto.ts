/**
 * The part of WebCrypto sync packages use, typed here because `shared/` compiles
 * without DOM or Node types. The same global `crypto.subtle` exists in the renderer
 * (Chromium) and in Node 20 (HQ, tests), so one implementation serves both ends and no
 * cryptography is written by hand: ECDSA P-256 signatures, ECDH P-256 + HKDF to wrap
 * a fresh AES-256-GCM key per package, SHA-256 digests.
 */

/** A WebCrypto key; opaque to this code (private keys are stored non-extractable). */
export interface CryptoKeyLike {
  readonly type: string;
  readonly extractable: boolean;
}

export interface CryptoKeyPairLike {
  publicKey: CryptoKeyLike;
  privateKey: CryptoKeyLike;
}

type Bytes = Uint8Array<ArrayBuffer>;
type Algorithm = Record<string, unknown> & { name: string };

export interface SubtleLike {
  generateKey(algorithm: Algorithm, extractable: boolean, usages: string[]): Promise<unknown>;
  importKey(
    format: 'spki' | 'raw',
    keyData: Bytes,
    algorithm: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyLike>;
  exportKey(format: 'spki' | 'raw', key: CryptoKeyLike): Promise<ArrayBuffer>;
  sign(algorithm: Algorithm, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
  verify(algorithm: Algorithm, key: CryptoKeyLike, signature: Bytes, data: Bytes): Promise<boolean>;
  digest(algorithm: string, data: Bytes): Promise<ArrayBuffer>;
  encrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Bytes): Promise<ArrayBuffer>;
  deriveBits(algorithm: Algorithm, key: CryptoKeyLike, length: number): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: Algorithm,
    key: CryptoKeyLike,
    derived: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyLike>;
  wrapKey(
    format: 'raw',
    key: CryptoKeyLike,
    wrappingKey: CryptoKeyLike,
    algorithm: string,
  ): Promise<ArrayBuffer>;
  unwrapKey(
    format: 'raw',
    wrapped: Bytes,
    unwrappingKey: CryptoKeyLike,
    unwrapAlgorithm: string,
    keyAlgorithm: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyLike>;
}

interface CryptoGlobal {
  crypto?: { subtle?: SubtleLike; getRandomValues<T extends Bytes>(array: T): T };
}

/** WebCrypto of the runtime (renderer or Node 20); fails clearly where there is none. */
export function webCrypto(): { subtle: SubtleLike; getRandomValues<T extends Bytes>(a: T): T } {
  const found = (globalThis as CryptoGlobal).crypto;
  if (!found?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available here.');
  return found as { subtle: SubtleLike; getRandomValues<T extends Bytes>(a: T): T };
}

export const signingAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const signatureParams = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const agreementAlgorithm = { name: 'ECDH', namedCurve: 'P-256' } as const;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoaLike(text);
}

export function fromBase64(text: string): Bytes {
  const binary = atobLike(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await webCrypto().subtle.digest('SHA-256', data));
}

// btoa/atob exist in both runtimes (browsers, Node 16+); typed here for the same reason.
interface Base64Global {
  btoa(text: string): string;
  atob(text: string): string;
}
const btoaLike = (text: string) => (globalThis as unknown as Base64Global).btoa(text);
const atobLike = (text: string) => (globalThis as unknown as Base64Global).atob(text);
