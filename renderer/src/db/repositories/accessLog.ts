import type { AccessLogInput } from '@shared/domain/accessLog';
import type { DeskDatabase } from '../database';
import { write } from '../writePath';
import type { WriteContext } from '../writeContext';

/**
 * Records that the current user saw, printed or exported sensitive data. Written (and
 * queued for HQ) before the data is shown, so a failure to log means no display.
 */
export async function logAccess(
  db: DeskDatabase,
  ctx: WriteContext,
  entry: AccessLogInput,
): Promise<void> {
  await write(db, ctx, (w) => w.create('accessLog', entry));
}

export async function accessLogOf(db: DeskDatabase, subjectId: string) {
  return db.accessLog.where('subjectId').equals(subjectId).toArray();
}
