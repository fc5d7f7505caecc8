import type { Kysely } from 'kysely';
import type { PackageManifest } from '@shared/package/manifest';
import { packageRefusal } from '@shared/package/refusals';
import type { HqTables } from '../db/schema';

/** The enrolled device a package says it comes from, with the key HQ trusts for it. */
export interface SenderDevice {
  id: string;
  officeId: string;
  signingKey: string;
}

/**
 * The sender must be a device HQ enrolled for the office the package names, still
 * trusted (not revoked), with a registered signing key. Anything else is a signer HQ
 * does not know, told apart from a known signer whose signature fails.
 */
export async function senderDevice(
  db: Kysely<HqTables>,
  manifest: PackageManifest,
): Promise<SenderDevice> {
  const sender = manifest.sender;
  const unknown = (why: string) =>
    packageRefusal(
      'package.unknown_signer',
      `The package is signed by a key HQ does not know: ${why}.`,
      sender.kind === 'device' ? { office: sender.officeId, device: sender.deviceId } : {},
    );
  if (sender.kind !== 'device') throw unknown('it does not come from a desk');
  const device = await db
    .selectFrom('devices')
    .select(['id', 'office_id', 'public_key', 'revoked'])
    .where('id', '=', sender.deviceId)
    .executeTakeFirst();
  if (!device || device.office_id !== sender.officeId) {
    throw unknown(`no desk ${sender.deviceId} is enrolled for office ${sender.officeId}`);
  }
  if (device.revoked) throw unknown(`desk ${sender.deviceId} was revoked`);
  if (!device.public_key) throw unknown(`desk ${sender.deviceId} enrolled without package keys`);
  return { id: device.id, officeId: device.office_id, signingKey: device.public_key };
}
