import { p256 } from '@noble/curves/nist.js';
import { mapHashToField } from '@noble/curves/abstract/modular.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/simplified-chinese.js';
import { utf8 } from '../package/payloadChunks';
import { toBase64, webCrypto } from '../package/webCrypto';

/**
 * The office recovery key: 24 BIP39 words (simplified-Chinese list, 256 bits) that a
 * supervisor writes down. The words derive a P-256 key pair; the desk keeps only the
 * public half, so a backup sealed for it opens only with the words (a new PC included).
 */
export const recoveryWordCount = 24;

const salt = utf8('mzbak v1 recovery key');
const info = utf8('P-256 ECDH');

export interface RecoveryKeyPair {
  /** JWK (d, x, y) of the private scalar, to import into WebCrypto for ECDH. */
  privateJwk: { kty: 'EC'; crv: 'P-256'; d: string; x: string; y: string };
  /** The public key as packages exchange them: SPKI, base64. */
  publicKey: string;
}

/** 24 fresh words from 256 random bits. */
export function newRecoveryWords(): string[] {
  const entropy = webCrypto().getRandomValues(new Uint8Array(32));
  return entropyToMnemonic(entropy, wordlist).split(' ');
}

/**
 * The words as typed: spaces of any kind (full-width included) and commas separate them;
 * each word of the list is one character, so characters typed together are split too
 * (「山水…」 as the paper shows them).
 */
export function normalizeWords(text: string): string[] {
  return text
    .trim()
    .split(/[\s\u3000,，、]+/u)
    .flatMap((part) => (/^\p{Script=Han}+$/u.test(part) ? [...part] : [part]))
    .filter((word) => word.length > 0);
}

/** True when the words are 24 list words with a matching checksum. */
export function validRecoveryWords(words: readonly string[]): boolean {
  return words.length === recoveryWordCount && validateMnemonic(words.join(' '), wordlist);
}

/**
 * The key pair the words stand for: HKDF-SHA-256 of the entropy into 48 bytes, mapped
 * onto the curve order by @noble/curves' own helper (no bias, never zero).
 */
export async function recoveryKeyPair(words: readonly string[]): Promise<RecoveryKeyPair> {
  const entropy = mnemonicToEntropy(words.join(' '), wordlist);
  const okm = hkdf(sha256, entropy, salt, info, 48);
  const secret = mapHashToField(okm, p256.Point.Fn.ORDER);
  const point = p256.getPublicKey(secret, false);
  const privateJwk = {
    kty: 'EC' as const,
    crv: 'P-256' as const,
    d: base64Url(secret),
    x: base64Url(point.subarray(1, 33)),
    y: base64Url(point.subarray(33, 65)),
  };
  const { subtle } = webCrypto() as unknown as { subtle: JwkSubtle };
  const { d: _d, ...publicJwk } = privateJwk;
  const key = await subtle.importKey('jwk', publicJwk, algorithm, true, []);
  const spki = new Uint8Array(await subtle.exportKey('spki', key));
  return { privateJwk, publicKey: toBase64(spki) };
}

/** The private half as a WebCrypto key able to open a backup (ECDH). */
export async function importRecoveryPrivateKey(pair: RecoveryKeyPair): Promise<unknown> {
  const { subtle } = webCrypto() as unknown as { subtle: JwkSubtle };
  return subtle.importKey('jwk', pair.privateJwk, algorithm, false, ['deriveBits']);
}

const algorithm = { name: 'ECDH', namedCurve: 'P-256' };

interface JwkSubtle {
  importKey(
    format: 'jwk',
    key: Record<string, string>,
    algorithm: { name: string; namedCurve: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  exportKey(format: 'spki', key: unknown): Promise<ArrayBuffer>;
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
