import { AppError } from '@shared/errors/appError';
import {
  exportPublicKeys,
  generatePackageKeys,
  keyId,
  type PackageKeyPairs,
  type PublicKeys,
} from '@shared/package/keys';
import {
  agreementAlgorithm,
  fromBase64,
  signingAlgorithm,
  toBase64,
  type CryptoKeyLike,
} from '@shared/package/webCrypto';
import {
  deviceKeysBeforeEncryptionMetaKey,
  deviceKeysMetaKey,
  hqKeysMetaKey,
} from '../../db/atRest/sealedMetaKeys';
import type { MetaStore } from '../syncMeta';

/**
 * The desk's package keys and HQ's pinned public keys, in the meta table. Both rows are
 * sealed under the store's data key by the at-rest middleware (db/atRest/sealedMetaKeys.ts,
 * docs/at-rest.md): this file reads and writes them plain. The private halves are kept
 * as PKCS #8 and imported non-extractable when used — a non-extractable WebCrypto key
 * stored as such is NOT safe from a copy of the profile: Chromium writes its bytes into
 * the IndexedDB files (found by the at-rest review). A pair made before encryption is
 * such a stored key: it stays usable (its own clear row, trusted only while the sealed
 * row names its public halves) until the desk enrolls again, which makes a new pair
 * (docs/sync.md, "Recovering a lost device key"). Losing the keys (a wiped profile)
 * means re-enrolling too.
 */

/** The private halves' PKCS #8, base64. */
interface PrivateKeysPkcs8 {
  signing: string;
  encryption: string;
}

/** Today's row: sealed whole by the middleware. */
interface StoredDeviceKeys {
  privateKeys: PrivateKeysPkcs8;
  publicKeys: PublicKeys;
}

/** The pair made before encryption: key objects, in their own clear row. */
interface KeyObjects {
  keys: PackageKeyPairs;
  publicKeys: PublicKeys;
}

const pkcs8 = async (key: CryptoKeyLike) =>
  toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', key as CryptoKey)));

const importPrivate = (base64: string, algorithm: EcKeyImportParams, usage: KeyUsage) =>
  crypto.subtle.importKey('pkcs8', fromBase64(base64), algorithm, false, [
    usage,
  ]) as Promise<CryptoKeyLike>;

export interface DeviceKeys {
  signing: { privateKey: CryptoKeyLike; keyId: string };
  encryption: { privateKey: CryptoKeyLike; keyId: string };
  publicKeys: PublicKeys;
}

export interface PinnedHqKeys {
  publicKeys: PublicKeys;
  signingKeyId: string;
  encryptionKeyId: string;
}

/**
 * This desk's keys, made on first use (before enrollment sends the public halves).
 * `renew`: a pair made before encryption is replaced by a new one (enrollment, which
 * sends HQ the new public halves).
 */
export async function ensureDeviceKeys(
  store: MetaStore,
  options: { renew?: 'beforeEncryption' } = {},
): Promise<PublicKeys> {
  const existing = await readStored(store);
  if (existing && !('keys' in existing && options.renew === 'beforeEncryption')) {
    return existing.publicKeys;
  }
  const keys = await generatePackageKeys(true);
  const publicKeys = await exportPublicKeys(keys);
  const privateKeys: PrivateKeysPkcs8 = {
    signing: await pkcs8(keys.signing.privateKey),
    encryption: await pkcs8(keys.encryption.privateKey),
  };
  const stored: StoredDeviceKeys = { privateKeys, publicKeys };
  await store.meta.put({ key: deviceKeysMetaKey, value: stored });
  if (existing) await store.meta.delete(deviceKeysBeforeEncryptionMetaKey);
  return publicKeys;
}

export async function loadDeviceKeys(store: MetaStore): Promise<DeviceKeys | null> {
  const stored = await readStored(store);
  if (!stored) return null;
  const [signing, encryption] = await privateKeysOf(stored);
  return {
    signing: { privateKey: signing, keyId: await keyId(stored.publicKeys.signing) },
    encryption: { privateKey: encryption, keyId: await keyId(stored.publicKeys.encryption) },
    publicKeys: stored.publicKeys,
  };
}

async function privateKeysOf(
  stored: StoredDeviceKeys | KeyObjects,
): Promise<[CryptoKeyLike, CryptoKeyLike]> {
  if ('keys' in stored) return [stored.keys.signing.privateKey, stored.keys.encryption.privateKey];
  return Promise.all([
    importPrivate(stored.privateKeys.signing, signingAlgorithm as EcKeyImportParams, 'sign'),
    importPrivate(
      stored.privateKeys.encryption,
      agreementAlgorithm as EcKeyImportParams,
      'deriveBits',
    ),
  ]);
}

/** HQ's keys as enrollment returned them: the only HQ keys this desk trusts. */
export async function pinHqKeys(store: MetaStore, publicKeys: PublicKeys): Promise<void> {
  const pinned: PinnedHqKeys = {
    publicKeys,
    signingKeyId: await keyId(publicKeys.signing),
    encryptionKeyId: await keyId(publicKeys.encryption),
  };
  await store.meta.put({ key: hqKeysMetaKey, value: pinned });
}

export async function loadHqKeys(store: MetaStore): Promise<PinnedHqKeys | null> {
  const row = await store.meta.get(hqKeysMetaKey);
  const value = row?.value as Partial<PinnedHqKeys> | undefined;
  return value?.publicKeys && value.signingKeyId && value.encryptionKeyId
    ? (value as PinnedHqKeys)
    : null;
}

/** Both sides' keys, or the reason packages cannot be made here yet. */
export async function requirePackageKeys(
  store: MetaStore,
): Promise<{ device: DeviceKeys; hq: PinnedHqKeys }> {
  const [device, hq] = await Promise.all([loadDeviceKeys(store), loadHqKeys(store)]);
  if (!device || !hq) {
    throw new AppError({
      code: 'unavailable',
      message: 'Enroll this desk with HQ first: packages need its keys and HQ’s.',
      fieldErrors: [{ path: 'package', code: 'package.not_enrolled' }],
    });
  }
  return { device, hq };
}

type Partly = Partial<StoredDeviceKeys & KeyObjects & { beforeEncryption: true }>;

async function readStored(store: MetaStore): Promise<StoredDeviceKeys | KeyObjects | null> {
  const value = (await store.meta.get(deviceKeysMetaKey))?.value as Partly | undefined;
  if (!value?.publicKeys) return null;
  if (value.privateKeys?.signing && value.privateKeys.encryption) {
    return value as StoredDeviceKeys;
  }
  if (value.beforeEncryption) {
    // The pair made before encryption, trusted only for the public halves sealed here.
    const before = (await store.meta.get(deviceKeysBeforeEncryptionMetaKey))?.value as
      Partly | undefined;
    const same =
      before?.publicKeys?.signing === value.publicKeys.signing &&
      before.publicKeys.encryption === value.publicKeys.encryption;
    return same && hasKeyObjects(before) ? before : null;
  }
  // A store never sealed (a schema from before encryption): the key objects in this row.
  return hasKeyObjects(value) ? value : null;
}

function hasKeyObjects(value: Partly | undefined): value is KeyObjects {
  return value?.publicKeys !== undefined && !!value.keys?.signing && !!value.keys.encryption;
}
