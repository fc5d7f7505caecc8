import { strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
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
const prefixBytes = magic.length + 1 + 4;
const maxHeaderBytes = 1024 * 1024;

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
  const header = strToU8(JSON.stringify({ signed, signature, signerKey }));
  const out = new Uint8Array(prefixBytes + header.length + payload.length);
  out.set(magic, 0);
  out[magic.length] = backupFormatVersion;
  new DataView(out.buffer).setUint32(magic.length + 1, header.length);
  out.set(header, prefixBytes);
  out.set(payload, prefixBytes + header.length);
  return out;
}

/** The layout and manifest of a backup file; nothing verified yet but its shape. */
export function readBackupBytes(bytes: Uint8Array<ArrayBuffer>): ReadBackup {
  const notOurs = () => backupRefusal('backup.not_a_backup');
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) throw notOurs();
  if (bytes.length < prefixBytes) throw backupRefusal('backup.truncated');
  if (bytes[magic.length] !== backupFormatVersion) {
    throw backupRefusal('backup.unsupported_version', { version: bytes[magic.length] ?? 0 });
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length + 1);
  if (headerLength > maxHeaderBytes) throw notOurs();
  if (bytes.length < prefixBytes + headerLength) throw backupRefusal('backup.truncated');
  const header = parseJson(headerSchema, bytes.subarray(prefixBytes, prefixBytes + headerLength));
  const signedBytes = strToU8(header?.signed ?? '');
  const signed = header ? parseJson(signedSchema, signedBytes) : null;
  // A header altered into something unreadable is a damaged backup, not someone else's file.
  if (!header || !signed) throw backupRefusal('backup.tampered');
  const payload = bytes.slice(prefixBytes + headerLength);
  const expected = signed.manifest.payload.bytes;
  if (payload.length < expected) {
    throw backupRefusal('backup.truncated', { bytes: payload.length, expected });
  }
  if (payload.length > expected) throw backupRefusal('backup.tampered');
  return {
    manifest: signed.manifest,
    encryption: signed.encryption,
    signedBytes,
    signature: header.signature,
    signerKey: header.signerKey,
    payload,
  };
}

function parseJson<T>(schema: z.ZodType<T>, bytes: Uint8Array): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(strFromU8(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
