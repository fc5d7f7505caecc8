import { AppError } from '@shared/errors/appError';
import type { OfficeSettings } from '@shared/domain/settings';
import type { DeskDatabase } from '../database';
import { requireRole } from '../permissions';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';
import { officeSettingsId, type StoredOfficeSettings } from './settingsReads';

export {
  ensureDeviceId,
  loadSettings,
  officeSettingsId,
  type StoredOfficeSettings,
} from './settingsReads';

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
