import { z } from 'zod';
import { recordKinds } from '../records/kinds';

/**
 * One local change waiting for HQ: the unit the sync protocol carries. Written by the
 * write path in the same transaction as the record it describes, so a record change
 * and its queue entry exist together or not at all.
 */
export const queueEntrySchema = z.object({
  /** Per-device sequence number, gap-free and increasing: HQ applies in this order. */
  seq: z.number().int().min(1),
  /** Globally unique op id (UUIDv7): HQ applies each op at most once. */
  opId: z.string().min(1),
  /** Ops written in one local transaction share it (e.g. a household and its members). */
  txId: z.string().min(1),
  deviceId: z.string().min(1),
  officeId: z.string().min(1),
  kind: z.enum(recordKinds as [string, ...string[]]),
  recordId: z.string().min(1),
  op: z.enum(['create', 'update', 'delete', 'transition']),
  /**
   * The changed fields with their new values (all fields on create). Checked as a plain
   * object, as a pulled record is (protocol.ts): JSON keys are strings anyway, and HQ
   * checks the values with the kind's schema when it merges them. z.record copied and
   * checked every key of every op, a tenth of HQ's time on a large push.
   */
  fields: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'Expected an object' },
  ),
  /** The record version the change was made on (0 for a create). */
  baseVersion: z.number().int().min(0),
  /** For 'transition': the workflow step, never merged field by field. */
  transition: z
    .object({ action: z.string().min(1), from: z.string().min(1), to: z.string().min(1) })
    .nullable(),
  /** Why: the reason of a correction or of a step back; null when none was needed. */
  reason: z.string().nullable(),
  hlc: z.string().min(1),
  actor: z.object({ userId: z.string().min(1), name: z.string(), role: z.string().min(1) }),
  createdAt: z.string(),
});

export type QueueEntry = z.infer<typeof queueEntrySchema>;
