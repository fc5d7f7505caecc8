import { gzipChunks, type GzippedPayload } from '../package/compression';
import type { PayloadChunks } from '../package/payloadChunks';
import { utf8 } from '../package/payloadChunks';
import { encryptContent, wrapContentKeyFor } from '../package/envelope';
import { keyId } from '../package/keys';
import { signatureParams, toBase64, webCrypto, type CryptoKeyLike } from '../package/webCrypto';
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
export async function sealBackup(input: SealBackupInput): Promise<SealedBackup> {
  const payload = await gzipChunks(input.lines);
  return sealGzippedBackup({ ...input, payload, counts: input.counts() });
}

export interface SealedBackup {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: BackupManifest;
}

/** sealBackup for a payload the caller gzipped already (one read transaction: snapshot.ts). */
export async function sealGzippedBackup(
  input: Omit<SealBackupInput, 'lines' | 'counts'> & {
    payload: GzippedPayload;
    counts: Record<string, number>;
  },
): Promise<SealedBackup> {
  const content = await encryptContent(input.payload.gzip);
  const wrapped = await wrapContentKeyFor(content.contentKey, input.recoveryKey);
  const manifest: BackupManifest = {
    ...input.manifest,
    counts: input.counts,
    recoveryKeyId: await keyId(input.recoveryKey),
    payload: {
      compression: 'gzip',
      encryption: 'AES-256-GCM',
      bytes: content.encrypted.length,
      sha256: content.sha256,
    },
  };
  const encryption = { iv: content.iv, ...wrapped };
  const signed = JSON.stringify({ manifest, encryption });
  const signature = await webCrypto().subtle.sign(
    signatureParams,
    input.signer.privateKey,
    utf8(signed),
  );
  return {
    bytes: writeBackupBytes(
      signed,
      toBase64(new Uint8Array(signature)),
      input.signer.publicKey,
      content.encrypted,
    ),
    manifest,
  };
}
