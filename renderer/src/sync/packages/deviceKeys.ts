import { AppError } from '@shared/errors/appError';
import {
  exportPublicKeys,
  generatePackageKeys,
  keyId,
  type PackageKeyPairs,
  type PublicKeys,
} from '@shared/package/keys';
import type { CryptoKeyLike } from '@shared/package/webCrypto';
import type { MetaStore } from '../syncMeta';

/**
 * The desk's package keys and HQ's pinned public keys, in the meta table. The private
 * keys are WebCrypto keys made non-extractable: IndexedDB stores them as keys, so no
 * script (and no copy of the profile read as files) gets their bytes, and they are
 * usable only by this origin on this machine. Losing them (a wiped profile) means
 * re-enrolling: docs/sync.md, "Recovering a lost device key".
 */
const deviceKeysKey = 'packageKeys';
const hqKeysKey = 'hqPackageKeys';

interface StoredDeviceKeys {
  keys: PackageKeyPairs;
  publicKeys: PublicKeys;
}

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

/** This desk's keys, made on first use (before enrollment sends the public halves). */
export async function ensureDeviceKeys(store: MetaStore): Promise<PublicKeys> {
  const existing = await readStored(store);
  if (existing) return existing.publicKeys;
  const keys = await generatePackageKeys(false);
  const publicKeys = await exportPublicKeys(keys);
  const stored: StoredDeviceKeys = { keys, publicKeys };
  await store.meta.put({ key: deviceKeysKey, value: stored });
  return publicKeys;
}

export async function loadDeviceKeys(store: MetaStore): Promise<DeviceKeys | null> {
  const stored = await readStored(store);
  if (!stored) return null;
  return {
    signing: {
      privateKey: stored.keys.signing.privateKey,
      keyId: await keyId(stored.publicKeys.signing),
    },
    encryption: {
      privateKey: stored.keys.encryption.privateKey,
      keyId: await keyId(stored.publicKeys.encryption),
    },
    publicKeys: stored.publicKeys,
  };
}

/** HQ's keys as enrollment returned them: the only HQ keys this desk trusts. */
export async function pinHqKeys(store: MetaStore, publicKeys: PublicKeys): Promise<void> {
  const pinned: PinnedHqKeys = {
    publicKeys,
    signingKeyId: await keyId(publicKeys.signing),
    encryptionKeyId: await keyId(publicKeys.encryption),
  };
  await store.meta.put({ key: hqKeysKey, value: pinned });
}

export async function loadHqKeys(store: MetaStore): Promise<PinnedHqKeys | null> {
  const row = await store.meta.get(hqKeysKey);
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

async function readStored(store: MetaStore): Promise<StoredDeviceKeys | null> {
  const row = await store.meta.get(deviceKeysKey);
  const value = row?.value as Partial<StoredDeviceKeys> | undefined;
  return value?.keys?.signing && value.keys.encryption && value.publicKeys
    ? (value as StoredDeviceKeys)
    : null;
}
