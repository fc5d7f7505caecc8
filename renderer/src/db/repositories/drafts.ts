import type { DeskDatabase } from '../database';

/**
 * Half-filled forms, saved as the registrar types so they survive closing the app.
 * Drafts are device-local scratch, not records: they are not validated or synced;
 * saving the form through the write path clears its draft.
 */
export async function saveDraft(db: DeskDatabase, key: string, value: unknown): Promise<void> {
  await db.drafts.put({ key, value, updatedAt: new Date().toISOString() });
}

export async function loadDraft<T>(db: DeskDatabase, key: string): Promise<T | undefined> {
  return (await db.drafts.get(key))?.value as T | undefined;
}

export async function clearDraft(db: DeskDatabase, key: string): Promise<void> {
  await db.drafts.delete(key);
}
