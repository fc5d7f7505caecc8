import type { Bed } from '../../../db/repositories/elderlyCare/tables';

/**
 * The repair reason of a bed as stored, '' when there is none: a bed put under repair
 * before the reason was recorded has no such field at all in its stored record.
 */
export function repairReasonOf(bed: Bed): string {
  const stored: unknown = bed.maintenanceReason;
  return typeof stored === 'string' ? stored : '';
}

/** A bed under repair whose reason was never recorded: its next correction must add one. */
export function lacksRepairReason(bed: Bed): boolean {
  return bed.maintenance && repairReasonOf(bed).trim() === '';
}
