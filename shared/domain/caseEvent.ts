import { z } from 'zod';

/**
 * One workflow step of a case: append-only, never edited. Going back is a new event
 * of a 'back' action with its reason, so the history tells the whole story.
 */
export const caseEventDataSchema = z.object({
  caseId: z.string().min(1),
  // The case's programme's workflow names them (the step was planned by it: desk and HQ).
  action: z.string().min(1).max(40),
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40),
  actorId: z.string().min(1),
  actorName: z.string().min(1),
  actorRole: z.enum(['registrar', 'supervisor', 'admin', 'county']),
  at: z.string(),
  opinion: z.string().trim().max(2000).default(''),
  reason: z.string().trim().max(2000).default(''),
});

export type CaseEventData = z.infer<typeof caseEventDataSchema>;
