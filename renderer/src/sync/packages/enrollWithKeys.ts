import type { SyncEnrollRequest, SyncEnrollResponse } from '@shared/ipc/contract';
import type { MetaStore } from '../syncMeta';
import type { DeskSyncTransport } from '../transport';
import { ensureDeviceKeys, pinHqKeys } from './deviceKeys';

/**
 * Enrollment exchanges package keys: the desk's public keys go to HQ with the one-time
 * code (made and stored first, so HQ never registers keys the desk lost), and HQ's
 * public keys come back and are pinned. A pair made before encryption (unsealed, its
 * bytes in the profile) is replaced by a new one here.
 */
export async function enrollWithKeys(
  store: MetaStore,
  transport: Pick<DeskSyncTransport, 'enroll'>,
  input: Omit<SyncEnrollRequest, 'publicKeys'>,
): Promise<SyncEnrollResponse> {
  const publicKeys = await ensureDeviceKeys(store, { renew: 'beforeEncryption' });
  const enrolled = await transport.enroll({ ...input, publicKeys });
  await pinHqKeys(store, enrolled.hqKeys);
  return enrolled;
}
