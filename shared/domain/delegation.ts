import { z } from 'zod';
import { compareIsoDates } from '../calendar/dates';
import { officeIdSchema } from './settings';
import { isoDateSchema } from './common';

/**
 * The county's delegation of 审核确认 (confirmation and denial) to one township, from a
 * date. Set at HQ only and published as reference data: nothing a desk writes can grant
 * it. A change is a new record from its own date, so the history shows every grant and
 * revocation with who set it; the one in force on a day is the latest that started by then.
 */
export const delegationDataSchema = z.object({
  // Not `officeId`: that is the envelope's field, and a reference record's is the county's.
  office: officeIdSchema,
  confirmationDelegated: z.boolean(),
  effectiveFrom: isoDateSchema,
  note: z.string().trim().max(200).default(''),
});

export type DelegationData = z.infer<typeof delegationDataSchema>;

/** Whether `officeId` may confirm and deny its own cases on `date`. */
export function delegationInForce(
  delegations: readonly (DelegationData & { deleted?: boolean; hlc?: string })[],
  officeId: string,
  date: string,
): boolean {
  let best: (DelegationData & { hlc?: string }) | null = null;
  for (const d of delegations) {
    if (d.deleted || d.office !== officeId || compareIsoDates(d.effectiveFrom, date) > 0) continue;
    const later =
      best === null ||
      compareIsoDates(d.effectiveFrom, best.effectiveFrom) > 0 ||
      (d.effectiveFrom === best.effectiveFrom && (d.hlc ?? '') > (best.hlc ?? ''));
    if (later) best = d;
  }
  return best?.confirmationDelegated ?? false;
}
