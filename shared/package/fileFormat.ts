import { strToU8 } from 'fflate';
import { z } from 'zod';
import { manifestSchema, packageFormatVersion, type PackageManifest } from './manifest';
import { isFramingProblem, parseJson, readFramed, writeFramed } from './framing';
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
  return writeFramed(magic, packageFormatVersion, { signed, signature, signerKeyId }, payload);
}

/** Parses the layout and the manifest; refuses anything that is not a whole package. */
export function readPackageBytes(bytes: Uint8Array<ArrayBuffer>): ReadPackage {
  const notOurs = () =>
    packageRefusal('package.not_a_package', 'This file is not a sync package (.mzpkg).');
  const framed = readFramed(bytes, magic, packageFormatVersion);
  if (isFramingProblem(framed)) {
    if (framed.problem === 'not_ours') throw notOurs();
    if (framed.problem === 'unsupported_version') {
      const { version } = framed;
      throw packageRefusal(
        'package.unsupported_version',
        `Package format ${version} is not supported (this version reads ${packageFormatVersion}).`,
        { version },
      );
    }
    const where = framed.where === 'header' ? ' (header)' : '';
    throw packageRefusal('package.truncated', `The package file is cut short${where}.`, {
      bytes: framed.bytes,
    });
  }
  const header = headerSchema.safeParse(framed.header);
  const signedBytes = strToU8(header.success ? header.data.signed : '');
  const signed = header.success ? signedSchema.safeParse(parseJson(signedBytes)) : null;
  if (!header.success || !signed?.success) throw notOurs();
  const { payload } = framed;
  const expected = signed.data.manifest.payload.bytes;
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
    manifest: signed.data.manifest,
    encryption: signed.data.encryption,
    signedBytes,
    signature: header.data.signature,
    signerKeyId: header.data.signerKeyId,
    payload,
  };
}
