import { z } from 'zod';

/**
 * Two people changed the same field of a record since the version they both started
 * from. HQ keeps the last writer's value (by hybrid logical clock) AND records this
 * conflict, which flows to the office's 待处理冲突 list; a person picks the value, and
 * that choice is itself a change (the record's field, then this conflict resolved).
 * A workflow step that arrives after the case moved on is a conflict too (field
 * 'status'), never a silent overwrite.
 */
export const syncConflictDataSchema = z.object({
  recordKind: z.string().min(1),
  recordId: z.string().min(1),
  field: z.string().min(1),
  /** 'field': both edited the same field; 'transition': a late or illegal workflow step. */
  type: z.enum(['field', 'transition']),
  /**
   * Either value may be absent (a field one side never had). HQ before 2026-12-05 made
   * such conflicts for an optional field's first value (hq/src/sync/merge.ts `neverSet`);
   * a desk must still take them, or the page carrying one stalls its sync.
   */
  keptValue: z.unknown().optional(),
  otherValue: z.unknown().optional(),
  keptBy: z.object({ userId: z.string(), name: z.string(), deviceId: z.string(), hlc: z.string() }),
  otherBy: z.object({
    userId: z.string(),
    name: z.string(),
    deviceId: z.string(),
    hlc: z.string(),
  }),
  status: z.enum(['open', 'resolved']),
  /** 'kept' or 'other': the value the person chose; null while open. */
  resolution: z.enum(['kept', 'other']).nullable(),
  note: z.string().trim().max(500).default(''),
});

export type SyncConflictData = z.infer<typeof syncConflictDataSchema>;
