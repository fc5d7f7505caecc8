import { strToU8 } from 'fflate';
import { webCrypto, type CryptoKeyLike } from './webCrypto';

const info = strToU8('mzpkg v1 package key wrap');

/**
 * The key-wrapping key both sides derive: ECDH between the sender's one-time key and
 * the receiver's encryption key, through HKDF-SHA-256 (salted with the one-time
 * public key) into AES-KW. The sender uses it to wrap the package key, the receiver
 * to unwrap it.
 */
export async function deriveWrappingKey(
  privateKey: CryptoKeyLike,
  publicKey: CryptoKeyLike,
  ephemeralPublicKey: Uint8Array<ArrayBuffer>,
  usages: ('wrapKey' | 'unwrapKey')[],
): Promise<CryptoKeyLike> {
  const { subtle } = webCrypto();
  const shared = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const material = await subtle.importKey('raw', new Uint8Array(shared), { name: 'HKDF' }, false, [
    'deriveKey',
  ]);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ephemeralPublicKey, info },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    usages,
  );
}
