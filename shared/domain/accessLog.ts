import { z } from 'zod';

/**
 * Who viewed, printed or exported sensitive personal information (PIPL; domain.md
 * "Privacy"). Append-only; the entry itself holds only a masked identifier.
 */
export const accessActions = ['view_full_id', 'print', 'export'] as const;

export const accessLogDataSchema = z.object({
  action: z.enum(accessActions),
  subjectKind: z.string().min(1).max(40),
  subjectId: z.string().min(1),
  /** e.g. the masked ID number (first 6 and last 4 characters). */
  maskedSubject: z.string().max(60),
  purpose: z.string().trim().max(200).default(''),
});

export type AccessLogData = z.infer<typeof accessLogDataSchema>;
