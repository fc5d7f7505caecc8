import { z } from 'zod';
import { dibaoActions, dibaoStatuses } from '../workflow/dibaoWorkflow';

/**
 * One workflow step of a case: append-only, never edited. Going back is a new event
 * of a 'back' action with its reason, so the history tells the whole story.
 */
export const caseEventDataSchema = z.object({
  caseId: z.string().min(1),
  action: z.enum(dibaoActions),
  from: z.enum(dibaoStatuses),
  to: z.enum(dibaoStatuses),
  actorId: z.string().min(1),
  actorName: z.string().min(1),
  actorRole: z.enum(['registrar', 'supervisor', 'admin', 'county']),
  at: z.string(),
  opinion: z.string().trim().max(2000).default(''),
  reason: z.string().trim().max(2000).default(''),
});

export type CaseEventData = z.infer<typeof caseEventDataSchema>;
