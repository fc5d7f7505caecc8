import { strFromU8 } from 'fflate';
import type { z } from 'zod';
import { gunzipWithin } from './compression';
import { decryptContent, unwrapContentKey } from './envelope';
import type { ReadPackage } from './fileFormat';
import { importSigningKey, keyId as keyIdOf } from './keys';
import { packageRefusal } from './refusals';
import {
  fromBase64,
  sha256,
  signatureParams,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from './webCrypto';

/**
 * Checks the signature against the key the receiver already trusts for the sender
 * (the device key HQ registered at enrollment; HQ's key pinned at the desk). A key
 * the receiver does not know and a signature that does not match are told apart.
 */
export async function verifyPackage(read: ReadPackage, trustedSigningKey: string): Promise<void> {
  if (read.signerKeyId !== (await keyIdOf(trustedSigningKey))) {
    throw packageRefusal(
      'package.unknown_signer',
      'The package is signed by a key this side does not know.',
      { keyId: read.signerKeyId },
    );
  }
  let valid: boolean;
  try {
    valid = await webCrypto().subtle.verify(
      signatureParams,
      await importSigningKey(trustedSigningKey),
      fromBase64(read.signature),
      read.signedBytes,
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw packageRefusal(
      'package.bad_signature',
      "The package's signature does not match its contents: it was altered.",
    );
  }
}

/**
 * The most a payload may unpack to: more than any office's backlog (100,000 ops are about
 * 90 MB of JSON), and about what one JavaScript string can hold anyway.
 */
export const maxPayloadPlainBytes = 512 * 1024 * 1024;

/**
 * Decrypts and decompresses the payload for one of the recipient keys, after the
 * stated hash: a flipped payload byte is refused by hash before any key is used, and
 * AES-GCM's tag would refuse it again.
 */
export async function decryptPackage<T>(
  read: ReadPackage,
  recipient: { keyId: string; privateKey: CryptoKeyLike },
  schema: z.ZodType<T>,
  maxPlainBytes = maxPayloadPlainBytes,
): Promise<T> {
  const entry = read.encryption.recipients.find((r) => r.keyId === recipient.keyId);
  if (!entry) {
    throw packageRefusal(
      'package.not_for_this_device',
      'The package was not encrypted for this key.',
    );
  }
  const damaged = () =>
    packageRefusal(
      'package.payload_damaged',
      "The package's contents were altered or damaged; nothing was applied.",
    );
  if (toHex(await sha256(read.payload)) !== read.manifest.payload.sha256) throw damaged();
  let plain: Uint8Array | null;
  try {
    const contentKey = await unwrapContentKey(recipient.privateKey, entry);
    const compressed = await decryptContent(contentKey, read.encryption.iv, read.payload);
    plain = gunzipWithin(compressed, maxPlainBytes);
  } catch {
    throw damaged();
  }
  if (plain === null) {
    const limitMb = Math.round(maxPlainBytes / 1024 / 1024);
    throw packageRefusal(
      'package.too_large',
      `The package's contents unpack to more than ${limitMb} MB; nothing was applied.`,
      { limitMb },
    );
  }
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(JSON.parse(strFromU8(plain)));
  } catch {
    throw damaged();
  }
  if (!parsed.success) throw damaged();
  return parsed.data;
}
