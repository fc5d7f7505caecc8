import { strToU8 } from 'fflate';
import { z } from 'zod';
import { isFramingProblem, parseJson, readFramed, writeFramed } from '../package/framing';
import { backupRefusal } from './refusals';

/**
 * A desk backup (`.mzbak`): the sync package's layout with its own magic, so a backup
 * is never taken for a package nor a package for a backup.
 *
 *   "MZBAK" 0x01 | header length (uint32, big-endian) | header (UTF-8 JSON) | payload
 *
 * The header is { signed, signature, signerKey }: `signed` is the JSON text of the
 * manifest and the encryption parameters, signed (ECDSA P-256) by the desk's package
 * signing key, whose public half (SPKI) travels along. The payload is gzipped NDJSON,
 * AES-256-GCM encrypted with a fresh key wrapped for the office recovery key.
 */
export const backupFormat = 'mzbak';
export const backupFormatVersion = 1;
export const backupExtension = '.mzbak';
const magic = [0x4d, 0x5a, 0x42, 0x41, 0x4b]; // "MZBAK"

export const backupManifestSchema = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupFormatVersion),
  kind: z.literal('backup'),
  backupId: z.string().min(1),
  officeId: z.string().min(1),
  deviceId: z.string().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The desk's IndexedDB schema version: a desk older than it cannot take it. */
  schemaVersion: z.number().int().min(1),
  /** Rows per table, checked again after opening (a file cut short has fewer). */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Which recovery key the payload is sealed for. */
  recoveryKeyId: z.string().min(1),
  payload: z.object({
    compression: z.literal('gzip'),
    encryption: z.literal('AES-256-GCM'),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const backupEncryptionSchema = z.object({
  iv: z.string().min(1),
  ephemeralKey: z.string().min(1),
  wrappedKey: z.string().min(1),
});
export type BackupEncryption = z.infer<typeof backupEncryptionSchema>;

const signedSchema = z.object({
  manifest: backupManifestSchema,
  encryption: backupEncryptionSchema,
});
const headerSchema = z.object({
  signed: z.string().min(1),
  signature: z.string().min(1),
  signerKey: z.string().min(1),
});

export interface ReadBackup {
  manifest: BackupManifest;
  encryption: BackupEncryption;
  signedBytes: Uint8Array<ArrayBuffer>;
  signature: string;
  /** The desk's public signing key (SPKI, base64) as the file states it. */
  signerKey: string;
  payload: Uint8Array<ArrayBuffer>;
}

export function writeBackupBytes(
  signed: string,
  signature: string,
  signerKey: string,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return writeFramed(magic, backupFormatVersion, { signed, signature, signerKey }, payload);
}

/** The layout and manifest of a backup file; nothing verified yet but its shape. */
export function readBackupBytes(bytes: Uint8Array<ArrayBuffer>): ReadBackup {
  const framed = readFramed(bytes, magic, backupFormatVersion);
  if (isFramingProblem(framed)) {
    if (framed.problem === 'not_ours') throw backupRefusal('backup.not_a_backup');
    if (framed.problem === 'unsupported_version') {
      throw backupRefusal('backup.unsupported_version', { version: framed.version });
    }
    throw backupRefusal('backup.truncated');
  }
  const header = headerSchema.safeParse(framed.header);
  const signedBytes = strToU8(header.success ? header.data.signed : '');
  const signed = header.success ? signedSchema.safeParse(parseJson(signedBytes)) : null;
  // A header altered into something unreadable is a damaged backup, not someone else's file.
  if (!header.success || !signed?.success) throw backupRefusal('backup.tampered');
  const { payload } = framed;
  const expected = signed.data.manifest.payload.bytes;
  if (payload.length < expected) {
    throw backupRefusal('backup.truncated', { bytes: payload.length, expected });
  }
  if (payload.length > expected) throw backupRefusal('backup.tampered');
  return {
    manifest: signed.data.manifest,
    encryption: signed.data.encryption,
    signedBytes,
    signature: header.data.signature,
    signerKey: header.data.signerKey,
    payload,
  };
}
