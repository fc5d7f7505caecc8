import { officeSettingsSchema, type OfficeSettings } from '@shared/domain/settings';
import { newRecordId } from '@shared/records/ids';
import { parseOrThrow } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../database';

const settingsKey = 'officeSettings';
const deviceKey = 'deviceId';

/** Office settings live on the device until HQ publishes them (sync issue). */
export async function loadSettings(db: DeskDatabase): Promise<OfficeSettings | null> {
  const row = await db.meta.get(settingsKey);
  if (!row) return null;
  const parsed = officeSettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

export async function saveSettings(
  db: DeskDatabase,
  settings: OfficeSettings,
): Promise<OfficeSettings> {
  const clean = parseOrThrow(officeSettingsSchema, settings, 'office settings');
  await db.meta.put({ key: settingsKey, value: clean });
  return clean;
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
