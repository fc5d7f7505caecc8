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
import { openJson, sealJson } from '@shared/atRest/cipher';
import type { MetaStore } from '../syncMeta';

/**
 * The desk's package keys and HQ's pinned public keys, in the meta table. The private
 * keys are sealed under the store's data key (PKCS #8, inside an AES-256-GCM seal:
 * docs/at-rest.md) and imported non-extractable when used. A non-extractable WebCrypto
 * key stored as such is NOT safe from a copy of the profile: Chromium writes its bytes
 * into the IndexedDB files (found by the at-rest review). Keys a desk made before
 * encryption are such stored keys; they stay usable, and re-enrolling replaces them
 * (docs/sync.md, "Recovering a lost device key"). Losing them (a wiped profile) means
 * re-enrolling too.
 */
const deviceKeysKey = 'packageKeys';
const hqKeysKey = 'hqPackageKeys';

/** Before encryption: the key objects themselves. */
interface StoredDeviceKeys {
  keys: PackageKeyPairs;
  publicKeys: PublicKeys;
}

/** With encryption: the private halves' PKCS #8, sealed. */
interface SealedDeviceKeys {
  sealedPrivateKeys: Uint8Array;
  publicKeys: PublicKeys;
}

interface PrivateKeysPkcs8 {
  signing: string;
  encryption: string;
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

/** This desk's keys, made on first use (before enrollment sends the public halves). */
export async function ensureDeviceKeys(store: MetaStore): Promise<PublicKeys> {
  const existing = await readStored(store);
  if (existing) return existing.publicKeys;
  const atRest = store.atRest?.keys;
  if (!atRest) {
    // A store without a data key (a plain test store): the key objects, as before.
    const keys = await generatePackageKeys(false);
    const publicKeys = await exportPublicKeys(keys);
    const stored: StoredDeviceKeys = { keys, publicKeys };
    await store.meta.put({ key: deviceKeysKey, value: stored });
    return publicKeys;
  }
  const keys = await generatePackageKeys(true);
  const publicKeys = await exportPublicKeys(keys);
  const privateKeys: PrivateKeysPkcs8 = {
    signing: await pkcs8(keys.signing.privateKey),
    encryption: await pkcs8(keys.encryption.privateKey),
  };
  const stored: SealedDeviceKeys = {
    sealedPrivateKeys: sealJson(atRest, privateKeys),
    publicKeys,
  };
  await store.meta.put({ key: deviceKeysKey, value: stored });
  return publicKeys;
}

export async function loadDeviceKeys(store: MetaStore): Promise<DeviceKeys | null> {
  const stored = await readStored(store);
  if (!stored) return null;
  const [signing, encryption] = await privateKeysOf(store, stored);
  return {
    signing: { privateKey: signing, keyId: await keyId(stored.publicKeys.signing) },
    encryption: { privateKey: encryption, keyId: await keyId(stored.publicKeys.encryption) },
    publicKeys: stored.publicKeys,
  };
}

async function privateKeysOf(
  store: MetaStore,
  stored: StoredDeviceKeys | SealedDeviceKeys,
): Promise<[CryptoKeyLike, CryptoKeyLike]> {
  if ('keys' in stored) return [stored.keys.signing.privateKey, stored.keys.encryption.privateKey];
  const atRest = store.atRest?.keys;
  if (!atRest) {
    throw new AppError({
      code: 'unavailable',
      message: 'The desk store is locked: its package keys cannot be used.',
    });
  }
  const opened = openJson(atRest, stored.sealedPrivateKeys) as PrivateKeysPkcs8;
  return Promise.all([
    importPrivate(opened.signing, signingAlgorithm as EcKeyImportParams, 'sign'),
    importPrivate(opened.encryption, agreementAlgorithm as EcKeyImportParams, 'deriveBits'),
  ]);
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

async function readStored(store: MetaStore): Promise<StoredDeviceKeys | SealedDeviceKeys | null> {
  const row = await store.meta.get(deviceKeysKey);
  const value = row?.value as Partial<StoredDeviceKeys & SealedDeviceKeys> | undefined;
  if (!value?.publicKeys) return null;
  if (value.sealedPrivateKeys instanceof Uint8Array) return value as SealedDeviceKeys;
  return value.keys?.signing && value.keys.encryption ? (value as StoredDeviceKeys) : null;
}
