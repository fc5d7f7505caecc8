import { z } from 'zod';

/**
 * The supervisor's backup schedule (每天 / 每周, at a time; or off) and how many backups
 * the folder keeps. Times are the desk's local wall-clock time.
 */
export const backupScheduleSchema = z.object({
  frequency: z.enum(['off', 'daily', 'weekly']),
  /** "HH:MM", 24-hour. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** For weekly: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  /** Backups kept in the folder; older ones of ours are removed. A count out of range is refused. */
  keep: z.number().int().min(1).max(99),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const defaultBackupSchedule: BackupSchedule = {
  frequency: 'off',
  time: '12:00',
  weekday: 5,
  keep: 7,
};

/** A scheduled backup not made this long after its time is overdue (the status bar warns). */
export const overdueAfterMs = 60 * 60 * 1000;

/** The latest scheduled time at or before `now` (null: the schedule is off). */
export function lastScheduledAt(schedule: BackupSchedule, now: Date): Date | null {
  if (schedule.frequency === 'off') return null;
  const [hours, minutes] = schedule.time.split(':').map(Number);
  const slot = new Date(now);
  slot.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  if (schedule.frequency === 'daily') {
    if (slot > now) slot.setDate(slot.getDate() - 1);
    return slot;
  }
  const weekday = ((now.getDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
  slot.setDate(slot.getDate() - ((weekday - schedule.weekday + 7) % 7));
  if (slot > now) slot.setDate(slot.getDate() - 7);
  return slot;
}

/** Due: the schedule is on and no backup was made since its latest time. */
export function backupDue(schedule: BackupSchedule, lastAt: string | null, now: Date): boolean {
  const slot = lastScheduledAt(schedule, now);
  if (!slot) return false;
  return lastAt === null || Date.parse(lastAt) < slot.getTime();
}

/** Overdue: due for longer than `overdueAfterMs` (the desk was off, or the backup failed). */
export function backupOverdue(schedule: BackupSchedule, lastAt: string | null, now: Date): boolean {
  const slot = lastScheduledAt(schedule, now);
  if (!slot || !backupDue(schedule, lastAt, now)) return false;
  return now.getTime() - slot.getTime() > overdueAfterMs;
}
