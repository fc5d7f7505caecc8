/**
 * The desk's ID-card reader address (设置 → 身份证读卡器). A LOCAL setting of this
 * computer, kept in the desk's IndexedDB `meta` table like the sync settings
 * (renderer/src/sync/syncMeta.ts) — not an office setting and never synced: a reader is
 * plugged into one computer, and the next desk of the office may have another model
 * on another port, or none. The address is checked here (loopback only) and again by
 * the main process before every read.
 */
import { checkReaderAddress } from '@shared/identity/idCardReading';
import type { MetaStore } from '../sync/syncMeta';

const readerUrlKey = 'idCardReaderUrl';

/** The stored address, or null when this desk has no reader (or only a refused one). */
export async function loadReaderUrl(store: MetaStore): Promise<string | null> {
  const row = await store.meta.get(readerUrlKey);
  if (typeof row?.value !== 'string' || row.value === '') return null;
  try {
    return checkReaderAddress(row.value);
  } catch {
    return null;
  }
}

/** Saves a checked address ('' removes the reader); throws the field error of a refused one. */
export async function saveReaderUrl(store: MetaStore, raw: string): Promise<string | null> {
  const url = raw.trim() === '' ? null : checkReaderAddress(raw);
  await store.meta.put({ key: readerUrlKey, value: url ?? '' });
  return url;
}
