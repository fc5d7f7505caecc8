import { importEncryptionKey } from './keys';
import { deriveWrappingKey } from './wrapping';
import {
  agreementAlgorithm,
  fromBase64,
  sha256,
  toBase64,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from './webCrypto';

/**
 * The envelope sync packages and backups share: the payload encrypted with a fresh
 * AES-256-GCM content key, and that key wrapped for each recipient's P-256 public key
 * (a one-time ECDH key → HKDF → AES-KW, deriveWrappingKey).
 */
export interface EncryptedContent {
  contentKey: CryptoKeyLike;
  /** The AES-GCM nonce, base64. */
  iv: string;
  encrypted: Uint8Array<ArrayBuffer>;
  /** SHA-256 of `encrypted`, hex: the manifest states it. */
  sha256: string;
}

/** The content key wrapped for one recipient. */
export interface WrappedContentKey {
  ephemeralKey: string;
  wrappedKey: string;
}

export async function encryptContent(plain: Uint8Array<ArrayBuffer>): Promise<EncryptedContent> {
  const { subtle } = webCrypto();
  const contentKey = (await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ])) as CryptoKeyLike;
  const iv = webCrypto().getRandomValues(new Uint8Array(12));
  const encrypted = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv }, contentKey, plain),
  );
  return { contentKey, iv: toBase64(iv), encrypted, sha256: toHex(await sha256(encrypted)) };
}

/** Wraps the content key for one recipient's public key (SPKI, base64). */
export async function wrapContentKeyFor(
  contentKey: CryptoKeyLike,
  publicKey: string,
): Promise<WrappedContentKey> {
  const { subtle } = webCrypto();
  const ephemeral = (await subtle.generateKey(agreementAlgorithm, true, ['deriveBits'])) as {
    publicKey: CryptoKeyLike;
    privateKey: CryptoKeyLike;
  };
  const ephemeralKey = new Uint8Array(await subtle.exportKey('spki', ephemeral.publicKey));
  const wrapping = await deriveWrappingKey(
    ephemeral.privateKey,
    await importEncryptionKey(publicKey),
    ephemeralKey,
    ['wrapKey'],
  );
  const wrapped = await subtle.wrapKey('raw', contentKey, wrapping, 'AES-KW');
  return { ephemeralKey: toBase64(ephemeralKey), wrappedKey: toBase64(new Uint8Array(wrapped)) };
}

/** Unwraps the content key with the recipient's private key; throws on any mismatch. */
export async function unwrapContentKey(
  privateKey: CryptoKeyLike,
  entry: WrappedContentKey,
): Promise<CryptoKeyLike> {
  const { subtle } = webCrypto();
  const ephemeralBytes = fromBase64(entry.ephemeralKey);
  const ephemeral = await subtle.importKey('spki', ephemeralBytes, agreementAlgorithm, true, []);
  const unwrapping = await deriveWrappingKey(privateKey, ephemeral, ephemeralBytes, ['unwrapKey']);
  return subtle.unwrapKey(
    'raw',
    fromBase64(entry.wrappedKey),
    unwrapping,
    'AES-KW',
    { name: 'AES-GCM' },
    false,
    ['decrypt'],
  );
}

/** Decrypts with an unwrapped content key; throws when the GCM tag fails. */
export async function decryptContent(
  contentKey: CryptoKeyLike,
  iv: string,
  encrypted: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const { subtle } = webCrypto();
  return new Uint8Array(
    await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, contentKey, encrypted),
  );
}
