import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { readPackageBytes } from '@shared/package/fileFormat';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import type { PackageManifest } from '@shared/package/manifest';
import { gunzipWithin } from '@shared/package/compression';
import { decryptPackage, maxPayloadPlainBytes, verifyPackage } from '@shared/package/open';
import { toHqPayloadSchema } from '@shared/package/payload';
import { refusalOf } from '@shared/package/refusals';
import { sealPackage } from '@shared/package/seal';
import { checkOrder } from '@shared/package/sequence';
import { gzipSync, strToU8 } from 'fflate';

async function party() {
  const keys = await generatePackageKeys();
  const publicKeys = await exportPublicKeys(keys);
  return {
    keys,
    publicKeys,
    signingId: await keyId(publicKeys.signing),
    encryptionId: await keyId(publicKeys.encryption),
  };
}

const baseManifest = (hqKeyId: string): Omit<PackageManifest, 'payload'> => ({
  format: 'mzpkg',
  version: 1,
  packageId: 'pkg-1',
  number: 1,
  direction: 'toHq',
  sender: { kind: 'device', officeId: 'o1', deviceId: 'd1' },
  receiver: { kind: 'hq', keyId: hqKeyId },
  covers: { ops: { after: 0, upTo: 0 }, office: null, reference: null },
  acknowledges: { cursor: { office: 0, reference: 0 }, device: null, ops: 0 },
  counts: {},
  dateRange: null,
  createdAt: '2026-11-29T08:30:00.000Z',
  createdBy: '王主任',
});

async function sealed() {
  const desk = await party();
  const hq = await party();
  const { bytes } = await sealPackage({
    manifest: baseManifest(hq.signingId),
    payload: { ops: [] },
    signer: { privateKey: desk.keys.signing.privateKey, keyId: desk.signingId },
    recipients: [{ keyId: hq.encryptionId, publicKey: hq.publicKeys.encryption }],
  });
  return { desk, hq, bytes };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return refusalOf(error);
  }
  throw new Error('expected a refusal');
}

describe('package codec', () => {
  it('round-trips: the receiver verifies and decrypts what the sender sealed', async () => {
    const { desk, hq, bytes } = await sealed();
    const read = readPackageBytes(bytes);
    expect(read.manifest.packageId).toBe('pkg-1');
    await verifyPackage(read, desk.publicKeys.signing);
    const payload = await decryptPackage(
      read,
      { keyId: hq.encryptionId, privateKey: hq.keys.encryption.privateKey },
      toHqPayloadSchema,
    );
    expect(payload).toEqual({ ops: [] });
  });

  it('refuses each kind of damage with its own reason', async () => {
    const { desk, hq, bytes } = await sealed();
    const recipient = { keyId: hq.encryptionId, privateKey: hq.keys.encryption.privateKey };
    const open = async (b: Uint8Array<ArrayBuffer>, signer = desk.publicKeys.signing) => {
      const read = readPackageBytes(b);
      await verifyPackage(read, signer);
      return decryptPackage(read, recipient, toHqPayloadSchema);
    };

    const flipped = bytes.slice();
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 0x01;
    expect(await refusal(open(flipped))).toBe('package.payload_damaged');

    expect(await refusal(open(bytes.slice(0, bytes.length - 10)))).toBe('package.truncated');
    expect(await refusal(open(bytes.slice(0, 8)))).toBe('package.truncated');
    expect(await refusal(open(new Uint8Array([1, 2, 3, 4, 5, 6, 7])))).toBe(
      'package.not_a_package',
    );

    const stranger = await party();
    expect(await refusal(open(bytes, stranger.publicKeys.signing))).toBe('package.unknown_signer');

    // Altering the manifest (in the signed header) breaks the signature.
    const text = new TextDecoder('latin1').decode(bytes);
    const field = '\\"number\\":';
    const at = text.indexOf(`${field}1`);
    expect(at).toBeGreaterThan(0);
    const altered = bytes.slice();
    altered[at + field.length] = '2'.charCodeAt(0);
    expect(await refusal(open(altered))).toBe('package.bad_signature');

    const other = await party();
    const read = readPackageBytes(bytes);
    await expect(
      decryptPackage(
        read,
        { keyId: other.encryptionId, privateKey: other.keys.encryption.privateKey },
        toHqPayloadSchema,
      ),
    ).rejects.toMatchObject({ details: { refusal: 'package.not_for_this_device' } });
  });

  it('orders packages: duplicate, replay and gap are told apart', async () => {
    const { bytes } = await sealed();
    const { manifest } = readPackageBytes(bytes);
    const at = (number: number, after: number) => ({
      ...manifest,
      number,
      covers: { ...manifest.covers, ops: { after, upTo: after + 5 } },
    });
    const seen = { packageIds: new Set<string>(), lastNumber: 2 };
    expect(() => checkOrder(at(3, 4), seen, { ops: 4 })).not.toThrow();
    expect(() => checkOrder(at(3, 2), seen, { ops: 4 })).not.toThrow();
    const refusedWith = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return refusalOf(error);
      }
      return null;
    };
    expect(refusedWith(() => checkOrder(at(3, 6), seen, { ops: 4 }))).toBe('package.gap');
    expect(refusedWith(() => checkOrder(at(2, 4), seen, { ops: 4 }))).toBe('package.replay');
    const dup = { packageIds: new Set([manifest.packageId]), lastNumber: 3 };
    expect(refusedWith(() => checkOrder(at(3, 4), dup, { ops: 4 }))).toBe('package.duplicate');
  });

  it('refuses a payload that unpacks past the limit, before holding it all', async () => {
    const { hq, bytes } = await sealed();
    const read = readPackageBytes(bytes);
    const recipient = { keyId: hq.encryptionId, privateKey: hq.keys.encryption.privateKey };
    // '{"ops":[]}' is 10 bytes: a 9-byte limit stands in for 512 MB here.
    expect(await refusal(decryptPackage(read, recipient, toHqPayloadSchema, 9))).toBe(
      'package.too_large',
    );
    expect(await decryptPackage(read, recipient, toHqPayloadSchema, 10)).toEqual({ ops: [] });
    expect(maxPayloadPlainBytes).toBe(512 * 1024 * 1024);
  });

  it('gunzips within a bound: a small gzip of a large output stops at the bound', () => {
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024)); // 8 MB of zeros, a few KB gzipped
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(gunzipWithin(bomb, 1024 * 1024)).toBeNull();
    expect(gunzipWithin(gzipSync(strToU8('民政')), 6)).toEqual(strToU8('民政'));
  });
});
