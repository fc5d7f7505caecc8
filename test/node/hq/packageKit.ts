import { expect } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { readPackageBytes } from '@shared/package/fileFormat';
import {
  exportPublicKeys,
  generatePackageKeys,
  keyId,
  type PackageKeyPairs,
  type PublicKeys,
} from '@shared/package/keys';
import type { PackageManifest } from '@shared/package/manifest';
import { decryptPackage, verifyPackage } from '@shared/package/open';
import { toOfficePayloadSchema, type ToOfficePayload } from '@shared/package/payload';
import { refusalOf } from '@shared/package/refusals';
import { sealPackage } from '@shared/package/seal';
import { newRecordId } from '@shared/records/ids';
import type { SyncCursor } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqDatabase } from '../../../hq/src/db/database';
import type { HqKeys } from '../../../hq/src/store/hqKeys';
import { addOffice, createEnrollmentCode, enrollDevice } from '../../../hq/src/store/offices';
import { hqRowCounts } from '../../support/hqHarness';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';

/**
 * Desks with package keys for the package tests: a real desk (fake-indexeddb, the real
 * write path) enrolled at a real HQ database through enrollDevice with its public keys,
 * and packages sealed with the shared codec exactly as a desk seals them.
 */
export interface KeyedDesk {
  desk: SyncDesk;
  keys: PackageKeyPairs;
  publicKeys: PublicKeys;
  signingKeyId: string;
  encryptionKeyId: string;
  /** The device token, for pushing online. */
  token: string;
}

export async function keyedDesk(
  hq: HqDatabase,
  officeId: string,
  name: string,
  keys?: PackageKeyPairs,
): Promise<KeyedDesk> {
  const desk = await openOfficeDesk(officeId, name);
  const pairs = keys ?? (await generatePackageKeys());
  const publicKeys = await exportPublicKeys(pairs);
  const office = await hq.db
    .selectFrom('offices')
    .select('id')
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office) await addOffice(hq.db, { id: officeId, name: `${officeId} 民政办` }, new Date());
  const code = await createEnrollmentCode(hq.db, officeId, new Date());
  const enrolled = await enrollDevice(
    hq.db,
    { code, deviceId: desk.deviceId, officeId, deviceName: `desk ${name}`, publicKeys },
    new Date(),
  );
  desk.token = enrolled.token;
  return {
    desk,
    keys: pairs,
    publicKeys,
    signingKeyId: await keyId(publicKeys.signing),
    encryptionKeyId: await keyId(publicKeys.encryption),
    token: enrolled.token,
  };
}

export interface SealOptions {
  number?: number;
  packageId?: string;
  cursor?: SyncCursor | null;
  /** Override any manifest field (after the defaults). */
  manifest?: Partial<Omit<PackageManifest, 'payload'>>;
  /** Sign with these keys instead of the desk's own. */
  signer?: PackageKeyPairs;
}

/** A desk's package for HQ carrying these ops, sealed as the desk seals it. */
export async function sealForHq(
  from: KeyedDesk,
  hqKeys: HqKeys,
  ops: QueueEntry[],
  options: SealOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const seqs = ops.map((op) => op.seq);
  const first = seqs.length > 0 ? Math.min(...seqs) : 1;
  const last = seqs.length > 0 ? Math.max(...seqs) : 0;
  const signer = options.signer ?? from.keys;
  const signerId = options.signer
    ? await keyId((await exportPublicKeys(options.signer)).signing)
    : from.signingKeyId;
  const { bytes } = await sealPackage({
    manifest: {
      format: 'mzpkg',
      version: 1,
      packageId: options.packageId ?? newRecordId(),
      number: options.number ?? 1,
      direction: 'toHq',
      sender: { kind: 'device', officeId: from.desk.officeId, deviceId: from.desk.deviceId },
      receiver: { kind: 'hq', keyId: hqKeys.signing.keyId },
      covers: {
        ops: { after: first - 1, upTo: Math.max(last, first - 1) },
        office: null,
        reference: null,
      },
      acknowledges: {
        cursor: options.cursor === undefined ? await from.desk.store.cursor() : options.cursor,
        device: null,
        ops: 0,
      },
      counts: {},
      dateRange: null,
      createdAt: '2026-03-02T09:30:00.000Z',
      createdBy: '王主任',
      ...options.manifest,
    },
    payload: { ops },
    signer: { privateKey: signer.signing.privateKey, keyId: signerId },
    recipients: [{ keyId: hqKeys.encryption.keyId, publicKey: hqKeys.encryption.publicKey }],
  });
  return bytes;
}

/** Opens a package HQ wrote, as a desk of the office would: HQ's key pinned, its own key. */
export async function openFromHq(
  bytes: Uint8Array<ArrayBuffer>,
  at: KeyedDesk,
  hqKeys: HqKeys,
): Promise<{ manifest: PackageManifest; payload: ToOfficePayload }> {
  const read = readPackageBytes(bytes);
  await verifyPackage(read, hqKeys.signing.publicKey);
  const payload = await decryptPackage(
    read,
    { keyId: at.encryptionKeyId, privateKey: at.keys.encryption.privateKey },
    toOfficePayloadSchema,
  );
  return { manifest: read.manifest, payload };
}

/** The refusal a call ends with (fails the test when it does not refuse). */
export async function refusalFrom(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return refusalOf(error) ?? (error as AppError).code;
  }
  throw new Error('expected a refusal');
}

/** Row counts of every HQ table (packages too): "nothing applied" is equality. */
export async function allCounts(hq: HqDatabase): Promise<Record<string, number>> {
  const packages = await hq.db
    .selectFrom('packages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const devices = await hq.db
    .selectFrom('devices')
    .select(['id', 'package_number', 'cursor_office', 'cursor_reference'])
    .orderBy('id')
    .execute();
  const counts: Record<string, number> = {
    ...(await hqRowCounts(hq)),
    packages: Number(packages.n),
  };
  for (const d of devices) {
    counts[`device ${d.id} package`] = Number(d.package_number);
    counts[`device ${d.id} cursor`] = Number(d.cursor_office) * 1e6 + Number(d.cursor_reference);
  }
  return counts;
}

/** How many change rows and stored results each op id has at HQ. */
export async function perOp(hq: HqDatabase, opIds: string[]) {
  const changes = await hq.db
    .selectFrom('changes')
    .select('op_id')
    .where('op_id', 'in', opIds)
    .execute();
  const results = await hq.db
    .selectFrom('applied_ops')
    .select('op_id')
    .where('op_id', 'in', opIds)
    .execute();
  const count = (rows: { op_id: string | null }[], id: string) =>
    rows.filter((r) => r.op_id === id).length;
  return opIds.map((id) => ({ changes: count(changes, id), results: count(results, id) }));
}
