import { strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { manifestSchema, packageFormatVersion, type PackageManifest } from './manifest';
import { packageRefusal } from './refusals';

/**
 * The bytes of a `.mzpkg` file:
 *
 *   "MZPKG" 0x01 | header length (uint32, big-endian) | header (UTF-8 JSON) | payload
 *
 * The header is { signed, signature, signerKeyId }. `signed` is a JSON text holding
 * the manifest and the encryption parameters; the signature covers exactly those
 * bytes, so nothing needs canonical JSON. The payload is the encrypted, compressed
 * JSON whose size and SHA-256 the manifest states.
 */
const magic = [0x4d, 0x5a, 0x50, 0x4b, 0x47]; // "MZPKG"
const prefixBytes = magic.length + 1 + 4;
/** A header is a few kilobytes; more means the file is not ours. */
const maxHeaderBytes = 1024 * 1024;

export const encryptionSchema = z.object({
  /** AES-256-GCM nonce, base64. */
  iv: z.string().min(1),
  /** The package key wrapped once per receiving key (ECDH P-256 + HKDF + AES-KW). */
  recipients: z
    .array(
      z.object({
        keyId: z.string().min(1),
        ephemeralKey: z.string().min(1),
        wrappedKey: z.string().min(1),
      }),
    )
    .min(1),
});
export type PackageEncryption = z.infer<typeof encryptionSchema>;

const signedSchema = z.object({ manifest: manifestSchema, encryption: encryptionSchema });
const headerSchema = z.object({
  signed: z.string().min(1),
  signature: z.string().min(1),
  signerKeyId: z.string().min(1),
});

/** A package read from bytes: nothing verified yet but its shape. */
export interface ReadPackage {
  manifest: PackageManifest;
  encryption: PackageEncryption;
  /** The exact signed bytes and the signature over them. */
  signedBytes: Uint8Array<ArrayBuffer>;
  signature: string;
  signerKeyId: string;
  payload: Uint8Array<ArrayBuffer>;
}

export function writePackageBytes(
  signed: string,
  signature: string,
  signerKeyId: string,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const header = strToU8(JSON.stringify({ signed, signature, signerKeyId }));
  const out = new Uint8Array(prefixBytes + header.length + payload.length);
  out.set(magic, 0);
  out[magic.length] = packageFormatVersion;
  new DataView(out.buffer).setUint32(magic.length + 1, header.length);
  out.set(header, prefixBytes);
  out.set(payload, prefixBytes + header.length);
  return out;
}

/** Parses the layout and the manifest; refuses anything that is not a whole package. */
export function readPackageBytes(bytes: Uint8Array<ArrayBuffer>): ReadPackage {
  const notOurs = () =>
    packageRefusal('package.not_a_package', 'This file is not a sync package (.mzpkg).');
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) throw notOurs();
  if (bytes.length < prefixBytes) {
    throw packageRefusal('package.truncated', 'The package file is cut short.', {
      bytes: bytes.length,
    });
  }
  const version = bytes[magic.length] ?? 0;
  if (version !== packageFormatVersion) {
    throw packageRefusal(
      'package.unsupported_version',
      `Package format ${version} is not supported (this version reads ${packageFormatVersion}).`,
      { version },
    );
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length + 1);
  if (headerLength > maxHeaderBytes) throw notOurs();
  if (bytes.length < prefixBytes + headerLength) {
    throw packageRefusal('package.truncated', 'The package file is cut short (header).', {
      bytes: bytes.length,
    });
  }
  const header = parseJson(headerSchema, bytes.subarray(prefixBytes, prefixBytes + headerLength));
  const signedBytes = strToU8(header?.signed ?? '');
  const signed = header ? parseJson(signedSchema, signedBytes) : null;
  if (!header || !signed) throw notOurs();
  const payload = bytes.slice(prefixBytes + headerLength);
  const expected = signed.manifest.payload.bytes;
  if (payload.length < expected) {
    throw packageRefusal(
      'package.truncated',
      `The package file is cut short: ${payload.length} of ${expected} payload bytes.`,
      { bytes: payload.length, expected },
    );
  }
  if (payload.length > expected) {
    throw packageRefusal('package.payload_damaged', 'The package has bytes it should not have.');
  }
  return {
    manifest: signed.manifest,
    encryption: signed.encryption,
    signedBytes,
    signature: header.signature,
    signerKeyId: header.signerKeyId,
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
