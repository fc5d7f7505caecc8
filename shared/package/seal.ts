import { gzipChunks, type GzippedPayload } from './compression';
import { writePackageBytes, type PackageEncryption } from './fileFormat';
import { importEncryptionKey } from './keys';
import type { PackageManifest } from './manifest';
import { jsonChunks, utf8 } from './payloadChunks';
import { deriveWrappingKey } from './wrapping';
import {
  agreementAlgorithm,
  sha256,
  signatureParams,
  toBase64,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from './webCrypto';

export interface SealInput {
  /** Everything but the payload facts, which sealing computes. */
  manifest: Omit<PackageManifest, 'payload'>;
  payload: unknown;
  signer: { privateKey: CryptoKeyLike; keyId: string };
  /** Every key that may open the package (HQ's, or each desk of the office). */
  recipients: { keyId: string; publicKey: string }[];
  onPhase?: (phase: 'compressing' | 'encrypting' | 'signing') => void;
}

/**
 * Sealing a payload gzipped beforehand (gzipChunks): a large export streams its payload
 * into the compressor while it reads, and only then knows the manifest's counts.
 */
export type SealCompressedInput = Omit<SealInput, 'payload' | 'onPhase'> & {
  payload: GzippedPayload;
  onPhase?: (phase: 'encrypting' | 'signing') => void;
};

export interface SealedPackage {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: PackageManifest;
}

/**
 * Compresses and encrypts the payload with a fresh AES-256-GCM key, wraps that key
 * for each recipient, and signs the manifest with the encryption parameters.
 */
export async function sealPackage(input: SealInput): Promise<SealedPackage> {
  input.onPhase?.('compressing');
  const payload = await gzipChunks(jsonChunks(input.payload));
  return sealCompressed({ ...input, payload });
}

/** sealPackage for a payload already gzipped (and serialized) by the caller. */
export async function sealCompressed(input: SealCompressedInput): Promise<SealedPackage> {
  const { subtle } = webCrypto();
  const compressed = input.payload.gzip;
  input.onPhase?.('encrypting');
  const contentKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const iv = webCrypto().getRandomValues(new Uint8Array(12));
  const encrypted = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv }, contentKey as CryptoKeyLike, compressed),
  );
  const recipients: PackageEncryption['recipients'] = [];
  for (const recipient of input.recipients) {
    const ephemeral = (await subtle.generateKey(agreementAlgorithm, true, ['deriveBits'])) as {
      publicKey: CryptoKeyLike;
      privateKey: CryptoKeyLike;
    };
    const ephemeralKey = new Uint8Array(await subtle.exportKey('spki', ephemeral.publicKey));
    const wrapping = await deriveWrappingKey(
      ephemeral.privateKey,
      await importEncryptionKey(recipient.publicKey),
      ephemeralKey,
      ['wrapKey'],
    );
    const wrapped = await subtle.wrapKey('raw', contentKey as CryptoKeyLike, wrapping, 'AES-KW');
    recipients.push({
      keyId: recipient.keyId,
      ephemeralKey: toBase64(ephemeralKey),
      wrappedKey: toBase64(new Uint8Array(wrapped)),
    });
  }
  const manifest: PackageManifest = {
    ...input.manifest,
    payload: {
      compression: 'gzip',
      encryption: 'AES-256-GCM',
      bytes: encrypted.length,
      sha256: toHex(await sha256(encrypted)),
    },
  };
  input.onPhase?.('signing');
  const signed = JSON.stringify({ manifest, encryption: { iv: toBase64(iv), recipients } });
  const signature = await subtle.sign(signatureParams, input.signer.privateKey, utf8(signed));
  return {
    bytes: writePackageBytes(
      signed,
      toBase64(new Uint8Array(signature)),
      input.signer.keyId,
      encrypted,
    ),
    manifest,
  };
}
