import { z } from 'zod';
import type { FieldError } from '../../errors/appError';
import { isoDateSchema, optionalText } from '../common';
import { notInFuture } from '../../validation/dates';
import { dischargeReasons, movementTypes } from './enums';

/**
 * One dated event of a resident's stay (入住变动): append-only. A mistake is undone by
 * a 'reversal' event naming the event it reverses and why; the stays on beds are then
 * replayed from the events that remain in force (projection.ts).
 */
export const movementDataSchema = z.object({
  residentId: z.string().min(1),
  /** The institution of `bedId`, so figures and lists can read by institution. */
  institutionId: z.string().min(1),
  type: z.enum(movementTypes),
  /** The day it happened (may be earlier than the day it is recorded, never later). */
  date: isoDateSchema,
  /** The bed concerned: the target bed of reserve / admit / change_bed, else the stay's bed. */
  bedId: z.string().min(1),
  /** change_bed only: the bed left. */
  fromBedId: z.string().nullable(),
  dischargeReason: z.enum(dischargeReasons).nullable(),
  /** Where to (transfer) or where the resident stays during a leave; free text. */
  destination: optionalText(200),
  /** reversal only: the event undone. */
  reversesId: z.string().nullable(),
  /** Required for a reversal; a note for other events. */
  reason: optionalText(500),
  actorName: z.string().min(1),
  /** Derived: every bed the event touches, so a bed's history is one index lookup. */
  bedIds: z.array(z.string()).default([]),
});
export type MovementData = z.infer<typeof movementDataSchema>;

export function deriveMovement(m: MovementData): MovementData {
  return { ...m, bedIds: [...new Set([m.bedId, ...(m.fromBedId ? [m.fromBedId] : [])])] };
}

export function movementDomainIssues(m: MovementData, today: string): FieldError[] {
  const issues: FieldError[] = [];
  issues.push(...notInFuture(m.date, today, 'date'));
  if ((m.type === 'discharge') !== (m.dischargeReason !== null)) {
    issues.push({ path: 'dischargeReason', code: 'field.required' });
  }
  if (m.type === 'change_bed' && (m.fromBedId === null || m.fromBedId === m.bedId)) {
    issues.push({ path: 'bedId', code: 'elderly.same_bed' });
  }
  if ((m.type === 'reversal') !== (m.reversesId !== null)) {
    issues.push({ path: 'reversesId', code: 'field.required' });
  }
  if (m.type === 'reversal' && m.reason === '') {
    issues.push({ path: 'reason', code: 'elderly.reversal_reason_required' });
  }
  return issues;
}
