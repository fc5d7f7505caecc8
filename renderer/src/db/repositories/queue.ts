import type { QueueEntry } from '@shared/sync/queueEntry';
import type { DeskDatabase } from '../database';

/** Changes written locally and not yet acknowledged by HQ. */
export async function queuedCount(db: DeskDatabase): Promise<number> {
  return db.queue.count();
}

export async function queuedEntries(db: DeskDatabase, limit = 500): Promise<QueueEntry[]> {
  return db.queue.orderBy('seq').limit(limit).toArray();
}
