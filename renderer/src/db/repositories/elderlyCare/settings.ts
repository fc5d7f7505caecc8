import {
  defaultElderlyCareSettings,
  type ElderlyCareSettings,
} from '@shared/domain/elderlyCare/config';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { elderlyTables } from './tables';

/** The one settings record of 养老 (fixed id); defaults until a supervisor saves it. */
export const elderlyCareSettingsId = 'elderlyCareSettings';

export async function loadElderlyCareSettings(db: DeskDatabase): Promise<ElderlyCareSettings> {
  const row = await elderlyTables(db).settings.get(elderlyCareSettingsId);
  if (!row || row.deleted) return defaultElderlyCareSettings;
  return {
    nursingBedTargetPercent: row.nursingBedTargetPercent,
    heldCountsAsOccupied: row.heldCountsAsOccupied,
  };
}

export async function saveElderlyCareSettings(
  db: DeskDatabase,
  ctx: WriteContext,
  settings: ElderlyCareSettings,
) {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'configure');
    const current = await w.get('elderlyCareSettings', elderlyCareSettingsId);
    return current
      ? w.update('elderlyCareSettings', current.id, current.version, settings)
      : w.create('elderlyCareSettings', settings, elderlyCareSettingsId);
  });
}
