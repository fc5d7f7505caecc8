import type { OfficeSettings } from '@shared/domain/settings';
import type { StoredRecord } from '@shared/records/envelope';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../database';

/**
 * The settings a start reads (the login screen's own path): kept apart from the writes
 * in settings.ts, so that the login screen does not load the write path (and the name
 * dictionary it derives search tokens with) to show itself.
 */

/** The one settings record of the office. */
export const officeSettingsId = 'office-settings';
const deviceKey = 'deviceId';

export type StoredOfficeSettings = StoredRecord<OfficeSettings>;

export async function loadSettings(db: DeskDatabase): Promise<StoredOfficeSettings | null> {
  const row = await db.settings.get(officeSettingsId);
  return row && !row.deleted ? row : null;
}

/** This installation's device id: made once, kept forever, stamped on every change. */
export async function ensureDeviceId(db: DeskDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(deviceKey);
    if (typeof row?.value === 'string') return row.value;
    const id = newRecordId();
    await db.meta.put({ key: deviceKey, value: id });
    return id;
  });
}
