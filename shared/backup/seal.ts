import { gzipChunks } from '../package/compression';
import type { PayloadChunks } from '../package/payloadChunks';
import { utf8 } from '../package/payloadChunks';
import { importEncryptionKey, keyId } from '../package/keys';
import { deriveWrappingKey } from '../package/wrapping';
import {
  agreementAlgorithm,
  sha256,
  signatureParams,
  toBase64,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from '../package/webCrypto';
import { writeBackupBytes, type BackupManifest } from './format';

export interface SealBackupInput {
  manifest: Omit<BackupManifest, 'payload' | 'recoveryKeyId' | 'counts'>;
  /** The payload's NDJSON lines, streamed into the compressor as they are read. */
  lines: PayloadChunks;
  /** Rows per table, known once `lines` has been read to its end. */
  counts: () => Record<string, number>;
  /** The office recovery key's public half (SPKI, base64). */
  recoveryKey: string;
  /** The desk's package signing key and its public half (SPKI, base64). */
  signer: { privateKey: CryptoKeyLike; publicKey: string };
}

/**
 * Compresses the lines as they come, encrypts them with a fresh AES-256-GCM key wrapped
 * for the recovery key (ECDH P-256 + HKDF + AES-KW, as sync packages do), and signs the
 * manifest with the desk's key.
 */
export async function sealBackup(
  input: SealBackupInput,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; manifest: BackupManifest }> {
  const { subtle } = webCrypto();
  const compressed = (await gzipChunks(input.lines)).gzip;
  const contentKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const iv = webCrypto().getRandomValues(new Uint8Array(12));
  const encrypted = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv }, contentKey as CryptoKeyLike, compressed),
  );
  const ephemeral = (await subtle.generateKey(agreementAlgorithm, true, ['deriveBits'])) as {
    publicKey: CryptoKeyLike;
    privateKey: CryptoKeyLike;
  };
  const ephemeralKey = new Uint8Array(await subtle.exportKey('spki', ephemeral.publicKey));
  const wrapping = await deriveWrappingKey(
    ephemeral.privateKey,
    await importEncryptionKey(input.recoveryKey),
    ephemeralKey,
    ['wrapKey'],
  );
  const wrapped = await subtle.wrapKey('raw', contentKey as CryptoKeyLike, wrapping, 'AES-KW');
  const manifest: BackupManifest = {
    ...input.manifest,
    counts: input.counts(),
    recoveryKeyId: await keyId(input.recoveryKey),
    payload: {
      compression: 'gzip',
      encryption: 'AES-256-GCM',
      bytes: encrypted.length,
      sha256: toHex(await sha256(encrypted)),
    },
  };
  const encryption = {
    iv: toBase64(iv),
    ephemeralKey: toBase64(ephemeralKey),
    wrappedKey: toBase64(new Uint8Array(wrapped)),
  };
  const signed = JSON.stringify({ manifest, encryption });
  const signature = await subtle.sign(signatureParams, input.signer.privateKey, utf8(signed));
  return {
    bytes: writeBackupBytes(
      signed,
      toBase64(new Uint8Array(signature)),
      input.signer.publicKey,
      encrypted,
    ),
    manifest,
  };
}
