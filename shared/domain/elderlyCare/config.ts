import { z } from 'zod';
import { countSchema } from '../../validation/counts';

/**
 * Numbers of 养老 that are policy, not code (domain.md: every number is configuration).
 * The national target for the nursing-bed share is 55 %; a province may set its own.
 */
/** The nursing-bed target, a whole percent. */
export const targetPercentRange = { min: 0, max: 100 } as const;

export const elderlyCareSettingsSchema = z.object({
  /** Target share of nursing-type beds (护理型床位占比), in percent. */
  nursingBedTargetPercent: countSchema(targetPercentRange.min, targetPercentRange.max),
  /**
   * Whether a bed held for a resident on leave counts as occupied in the occupancy
   * rate: the resident still lives there and the bed is not available.
   */
  heldCountsAsOccupied: z.boolean(),
});
export type ElderlyCareSettings = z.infer<typeof elderlyCareSettingsSchema>;

export const defaultElderlyCareSettings: ElderlyCareSettings = {
  nursingBedTargetPercent: 55,
  heldCountsAsOccupied: true,
};
