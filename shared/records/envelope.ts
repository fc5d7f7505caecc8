import { z } from 'zod';

/**
 * Fields every synced record carries, whatever its kind. They are owned by the write
 * path (renderer/src/db/writePath.ts) and by HQ's apply path; forms never set them.
 * - id: time-ordered UUIDv7, generated offline.
 * - version: 1 on create, +1 on every change; a change names the version it was based on.
 * - hlc: hybrid-logical-clock stamp of the last change (shared/clock/hlc.ts).
 * - deleted: tombstone; records are never hard-deleted so deletions sync.
 * - hqVersion: on a desk, the version HQ last sent it (0 = HQ has not sent it yet). A
 *   change names it as its base, so HQ tells another device's edit since then (a
 *   conflict) from this desk's own earlier, unsent ones (not a conflict).
 */
export const recordMetaSchema = z.object({
  id: z.string().min(1),
  officeId: z.string().min(1),
  version: z.number().int().min(1),
  hlc: z.string().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deleted: z.boolean(),
  hqVersion: z.number().int().min(0).optional(),
});

export type RecordMeta = z.infer<typeof recordMetaSchema>;

/**
 * The officeId of reference data (benefit standards, working-day calendars): HQ
 * publishes it for every office, so it belongs to no office. A reference record that
 * names an office did not come from the county's publishing path.
 */
export const referenceOwner = 'reference';

export const recordMetaKeys = Object.keys(recordMetaSchema.shape) as (keyof RecordMeta)[];

/** A stored record: its meta plus the kind's own fields. */
export type StoredRecord<T> = RecordMeta & T;
