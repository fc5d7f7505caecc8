import { z } from 'zod';
import { isoDateSchema, optionalText } from '../common';

/**
 * A volunteer activity as its organiser recorded it. The organiser certifies what it
 * recorded (national measures), so the organiser is named on the activity, not assumed.
 */
export const activityDataSchema = z.object({
  organiser: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  date: isoDateSchema,
  place: z.string().trim().min(1).max(200),
  content: optionalText(2000),
});

export type ActivityData = z.infer<typeof activityDataSchema>;
export type ActivityInput = z.input<typeof activityDataSchema>;
