import { AppError } from '@shared/errors/appError';
import type { OfficeSettings } from '@shared/domain/settings';
import type { StoredRecord } from '@shared/records/envelope';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';

/** The one settings record of the office. */
export const officeSettingsId = 'office-settings';
const deviceKey = 'deviceId';

export type StoredOfficeSettings = StoredRecord<OfficeSettings>;

export async function loadSettings(db: DeskDatabase): Promise<StoredOfficeSettings | null> {
  const row = await db.settings.get(officeSettingsId);
  return row && !row.deleted ? row : null;
}

/** Creates the settings record inside the first-run transaction. */
export async function createSettingsIn(w: Writer, settings: OfficeSettings) {
  return w.create('officeSettings', settings, officeSettingsId);
}

/**
 * Changes the office's rules. Supervisors and administrators only; the office id and
 * area code are fixed at setup (sync identity and the standards' area depend on them).
 */
export async function saveSettings(
  db: DeskDatabase,
  ctx: WriteContext,
  settings: OfficeSettings,
  baseVersion: number,
): Promise<StoredOfficeSettings> {
  requireRole(ctx, ['supervisor', 'admin'], 'change office settings');
  return write(db, ctx, async (w) => {
    const current = await w.get('officeSettings', officeSettingsId);
    if (current && current.areaCode !== settings.areaCode) {
      throw new AppError({
        code: 'validation',
        message: 'The office id and area code cannot change after setup.',
        fieldErrors: [{ path: 'areaCode', code: 'settings.identity_fixed' }],
      });
    }
    return w.update('officeSettings', officeSettingsId, baseVersion, settings);
  });
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
