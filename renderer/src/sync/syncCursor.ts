import { initialCursor, syncCursorSchema, type SyncCursor } from '@shared/sync/protocol';
import type { DeskDatabase } from '../db/database';

/** Where the desk's cursor (how far it has applied HQ's streams) is kept in `meta`. */
export const cursorKey = 'syncCursor';

/** The desk's cursor; the start of both streams before anything was applied. */
export async function loadCursor(db: DeskDatabase): Promise<SyncCursor> {
  const row = await db.meta.get(cursorKey);
  const parsed = syncCursorSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : initialCursor;
}
