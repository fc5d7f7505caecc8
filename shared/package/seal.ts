import { gzipChunks, type GzippedPayload } from './compression';
import { writePackageBytes, type PackageEncryption } from './fileFormat';
import { encryptContent, wrapContentKeyFor } from './envelope';
import type { PackageManifest } from './manifest';
import { jsonChunks, utf8 } from './payloadChunks';
import { signatureParams, toBase64, webCrypto, type CryptoKeyLike } from './webCrypto';

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
  input.onPhase?.('encrypting');
  const content = await encryptContent(input.payload.gzip);
  const recipients: PackageEncryption['recipients'] = [];
  for (const recipient of input.recipients) {
    const wrapped = await wrapContentKeyFor(content.contentKey, recipient.publicKey);
    recipients.push({ keyId: recipient.keyId, ...wrapped });
  }
  const manifest: PackageManifest = {
    ...input.manifest,
    payload: {
      compression: 'gzip',
      encryption: 'AES-256-GCM',
      bytes: content.encrypted.length,
      sha256: content.sha256,
    },
  };
  input.onPhase?.('signing');
  const signed = JSON.stringify({ manifest, encryption: { iv: content.iv, recipients } });
  const signature = await webCrypto().subtle.sign(
    signatureParams,
    input.signer.privateKey,
    utf8(signed),
  );
  return {
    bytes: writePackageBytes(
      signed,
      toBase64(new Uint8Array(signature)),
      input.signer.keyId,
      content.encrypted,
    ),
    manifest,
  };
}
