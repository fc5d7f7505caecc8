import { z } from 'zod';
import { opResultSchema, serverChangeSchema } from '../sync/protocol';
import { queueEntrySchema } from '../sync/queueEntry';

/**
 * What a package carries once decrypted: the same units as the online protocol, so
 * an import goes through the same apply path as a push or a pull.
 */
export const toHqPayloadSchema = z.object({ ops: z.array(queueEntrySchema) });
export type ToHqPayload = z.infer<typeof toHqPayloadSchema>;

export const toOfficePayloadSchema = z.object({
  /** HQ's results for the ops of the package this one answers (empty for export-for). */
  results: z.array(opResultSchema),
  changes: z.array(serverChangeSchema),
  /**
   * A return file's: the last op seq HQ holds of the device it answers, as a pull page
   * says it (docs/backup.md). Absent from export-for files and older HQs.
   */
  deviceSeq: z.number().int().min(0).optional(),
});
export type ToOfficePayload = z.infer<typeof toOfficePayloadSchema>;

/** Records per kind and the time span, for the manifest and the import preview. */
export function summarize(items: { kind: string; at: string }[]): {
  counts: Record<string, number>;
  dateRange: { from: string; to: string } | null;
} {
  const counts: Record<string, number> = {};
  let from: string | null = null;
  let to: string | null = null;
  for (const { kind, at } of items) {
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (at && (from === null || at < from)) from = at;
    if (at && (to === null || at > to)) to = at;
  }
  return { counts, dateRange: from !== null && to !== null ? { from, to } : null };
}
