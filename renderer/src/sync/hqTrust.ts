import type { HqTrust } from '@shared/sync/ports';
import { loadHqKeys } from './packages/deviceKeys';
import type { MetaStore } from './syncMeta';

/** The meta row ensureDeviceId keeps (renderer/src/db/repositories/settings.ts). */
const deviceIdKey = 'deviceId';

/**
 * What the engine checks every pull page against: this desk's device id (the one it
 * enrolled under, which HQ binds into each page's signature) and HQ's signing key as
 * pinned at enrollment (packages/deviceKeys.ts). Null when either is missing.
 */
export async function loadHqTrust(store: MetaStore): Promise<HqTrust | null> {
  const [device, hq] = await Promise.all([store.meta.get(deviceIdKey), loadHqKeys(store)]);
  const deviceId = device?.value;
  if (typeof deviceId !== 'string' || !hq) return null;
  return { deviceId, signingKey: hq.publicKeys.signing };
}
