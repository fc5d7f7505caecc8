/**
 * A bench page's desk as its first run and enrollment leave it: its device id the one it
 * enrolled with, its office settings written through the write path by its first
 * administrator, the HQ credential and HQ's pinned keys (replicationPage.ts, chromiumSync.ts).
 */
import type { PublicKeys } from '@shared/package/keys';
import { defaultOfficeSettings } from '@shared/domain/settings';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { createSettingsIn } from '../../../renderer/src/db/repositories/settings';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { write } from '../../../renderer/src/db/writePath';
import { pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { saveWebCredential, type WebCredential } from '../../../renderer/src/sync/syncMeta';

/** The device id it enrolled with: what it writes (and the stays it replays) are clocked under it. */
export async function takeDeviceId(db: DeskDatabase, credential: WebCredential): Promise<void> {
  await db.meta.put({ key: 'deviceId', value: credential.deviceId });
}

/** The office settings of its first run, queued like any write (the caller may clear them). */
export async function writeFirstRunSettings(
  db: DeskDatabase,
  credential: WebCredential,
  actor: WriteContext['actor'],
): Promise<void> {
  await write(
    db,
    { actor, officeId: credential.officeId, deviceId: credential.deviceId, now: () => new Date() },
    (w) =>
      createSettingsIn(w, {
        ...defaultOfficeSettings,
        officeName: '城关镇民政办',
        areaCode: '330102',
      }),
  );
}

/** What enrollment keeps: the credential and HQ's public keys, pinned. */
export async function keepEnrollment(
  db: DeskDatabase,
  credential: WebCredential,
  hqKeys: PublicKeys,
): Promise<void> {
  await saveWebCredential(db, credential);
  await pinHqKeys(db, hqKeys);
}
