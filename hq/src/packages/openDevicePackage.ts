import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import { readPackageBytes } from '@shared/package/fileFormat';
import type { PackageManifest } from '@shared/package/manifest';
import { decryptPackage, verifyPackage } from '@shared/package/open';
import { toHqPayloadSchema } from '@shared/package/payload';
import { packageRefusal } from '@shared/package/refusals';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTables } from '../db/schema';
import { opFields, pathsWithNul } from '../http/errors';
import { maxStoredSeq } from '../store/changeLog';
import type { HqKeys } from '../store/hqKeys';
import { touchesForeignData } from '../sync/applyPush';
import { senderDevice, type SenderDevice } from './senderDevice';

/** A desk's package, verified and decrypted: nothing of it applied yet. */
export interface OpenedDevicePackage {
  manifest: PackageManifest;
  device: SenderDevice;
  ops: QueueEntry[];
}

/**
 * Everything HQ checks before a desk's package may apply, cheapest first: its layout,
 * that it is meant for this HQ, that its signer is an enrolled desk and the signature
 * is that desk's, that the payload is whole, and that every op is the desk's own work
 * on its own office's records. Each failure is a package refusal that names its reason.
 */
export async function openDevicePackage(
  db: Kysely<HqTables>,
  keys: HqKeys,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<OpenedDevicePackage> {
  const read = readPackageBytes(bytes);
  const { manifest } = read;
  if (manifest.direction !== 'toHq') {
    throw packageRefusal(
      'package.wrong_direction',
      'This package goes from HQ to an office; HQ imports packages made at a desk.',
    );
  }
  if (manifest.receiver.kind !== 'hq' || manifest.receiver.keyId !== keys.signing.keyId) {
    throw packageRefusal(
      'package.wrong_receiver',
      "This package was made for another HQ (its receiver key is not this HQ's).",
    );
  }
  if (manifest.number > maxStoredSeq) {
    throw packageRefusal('package.not_a_package', 'The package number is out of range.');
  }
  const device = await senderDevice(db, manifest);
  await verifyPackage(read, device.signingKey);
  const payload = await decryptPackage(
    read,
    { keyId: keys.encryption.keyId, privateKey: keys.encryption.privateKey },
    toHqPayloadSchema,
  );
  await refuseForeignContent(db, device, payload.ops);
  return { manifest, device, ops: payload.ops };
}

async function refuseForeignContent(
  db: Kysely<HqTables>,
  device: SenderDevice,
  ops: QueueEntry[],
): Promise<void> {
  if (await touchesForeignData(db, device, ops)) {
    throw packageRefusal(
      'package.foreign_content',
      "The package carries changes of another desk or another office's records; nothing was applied.",
    );
  }
  // The same rule as a push body: text HQ keeps in its own columns cannot hold NUL.
  const nul = pathsWithNul({ ops }, [], opFields);
  if (nul.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The package carries text with a NUL character; nothing was applied.',
      fieldErrors: nul.map((path) => ({ path, code: 'field.invalid' })),
    });
  }
}
