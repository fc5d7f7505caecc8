import {
  agreementAlgorithm,
  fromBase64,
  sha256,
  signingAlgorithm,
  toBase64,
  toHex,
  webCrypto,
  type CryptoKeyLike,
  type CryptoKeyPairLike,
} from './webCrypto';

/**
 * A party's package keys: one pair to sign what it sends (ECDSA P-256), one pair to
 * receive packages encrypted for it (ECDH P-256). Two pairs, because one key should
 * serve one purpose. Desks make theirs at enrollment and keep the private halves
 * non-extractable in IndexedDB; HQ makes its own once (hq/src/store/hqKeys.ts).
 */
export interface PackageKeyPairs {
  signing: CryptoKeyPairLike;
  encryption: CryptoKeyPairLike;
}

/** The public halves as exchanged at enrollment: SPKI, base64. */
export interface PublicKeys {
  signing: string;
  encryption: string;
}

export async function generatePackageKeys(extractable = false): Promise<PackageKeyPairs> {
  const { subtle } = webCrypto();
  const signing = (await subtle.generateKey(signingAlgorithm, extractable, [
    'sign',
    'verify',
  ])) as CryptoKeyPairLike;
  const encryption = (await subtle.generateKey(agreementAlgorithm, extractable, [
    'deriveBits',
  ])) as CryptoKeyPairLike;
  return { signing, encryption };
}

export async function exportPublicKeys(keys: PackageKeyPairs): Promise<PublicKeys> {
  const { subtle } = webCrypto();
  const spki = async (key: CryptoKeyLike) =>
    toBase64(new Uint8Array(await subtle.exportKey('spki', key)));
  return {
    signing: await spki(keys.signing.publicKey),
    encryption: await spki(keys.encryption.publicKey),
  };
}

/** A short fingerprint of a public key (SPKI base64): how a package names its keys. */
export async function keyId(spkiBase64: string): Promise<string> {
  return toHex((await sha256(fromBase64(spkiBase64))).subarray(0, 16));
}

export async function importSigningKey(spkiBase64: string): Promise<CryptoKeyLike> {
  return webCrypto().subtle.importKey('spki', fromBase64(spkiBase64), signingAlgorithm, true, [
    'verify',
  ]);
}

export async function importEncryptionKey(spkiBase64: string): Promise<CryptoKeyLike> {
  return webCrypto().subtle.importKey('spki', fromBase64(spkiBase64), agreementAlgorithm, true, []);
}

/** True when the text is a P-256 public key of the given use (checked at enrollment). */
export async function isPublicKey(
  spkiBase64: string,
  use: 'signing' | 'encryption',
): Promise<boolean> {
  try {
    await (use === 'signing' ? importSigningKey(spkiBase64) : importEncryptionKey(spkiBase64));
    return true;
  } catch {
    return false;
  }
}

/**
 * A key id as people compare it: read aloud or side by side (the county's
 * `enroll-code` output against the desk's sync settings) to be sure the desk pinned
 * the real HQ's key, not one put in its way on the network.
 */
export function fingerprintText(id: string): string {
  return id.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}
