import { z } from 'zod';
import { sealPattern } from '../accessChain/patterns';

/**
 * Who viewed, printed, exported or backed up sensitive personal information (PIPL;
 * domain.md "Privacy"), and what the desk found done to its store outside it.
 * Append-only; the entry itself holds only a masked identifier.
 * Each entry a desk writes is numbered and sealed on the desk's chain (the write path
 * sets `chainSeq`, `prevSeal` and `seal`; shared/accessChain/seal.ts); entries from
 * desks made before the chain have none.
 */
export const accessActions = [
  'view',
  'view_full_id',
  'print',
  'export',
  'backup',
  // The desk found its store's at-rest record edited or removed outside the desk
  // (renderer/src/db/atRest/atRestRow.ts): the subject is the desk itself.
  'store_altered',
] as const;
export type AccessAction = (typeof accessActions)[number];

export const accessLogDataSchema = z.object({
  action: z.enum(accessActions),
  subjectKind: z.string().min(1).max(40),
  subjectId: z.string().min(1),
  /** e.g. the masked ID number (first 6 and last 4 characters). */
  maskedSubject: z.string().max(60),
  purpose: z.string().trim().max(200).default(''),
  // Within HQ's integer columns: a forged huge number is refused, not stored.
  chainSeq: z.number().int().min(1).max(2_147_483_647).optional(),
  prevSeal: z.union([z.literal(''), z.string().regex(sealPattern)]).optional(),
  seal: z.string().regex(sealPattern).optional(),
});

export type AccessLogData = z.infer<typeof accessLogDataSchema>;

/** What a caller writes: the chain's fields are the write path's to set. */
export type AccessLogInput = Omit<AccessLogData, 'purpose' | 'chainSeq' | 'prevSeal' | 'seal'> & {
  purpose?: string;
};
