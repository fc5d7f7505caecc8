import type { QueueEntry } from '@shared/sync/queueEntry';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';

/**
 * The name of a case's applicant as HQ holds it now, within the batch (a person's
 * correction is earlier in the same desk transaction than the case copy it refreshes,
 * so it is merged first): what the case's applicantName may be brought to on any
 * status (shared/authority/copyRefresh). Read only when the edit names applicantName.
 */
export async function applicantNameAtHq(
  ctx: AuthorityContext,
  op: QueueEntry,
  current: RecordState,
): Promise<string | undefined> {
  const personId = current.data.applicantPersonId;
  if (!('applicantName' in op.fields) || typeof personId !== 'string') return undefined;
  const person = await ctx.work.load(ctx.officeId, 'person', personId);
  if (!person || person.deleted) return undefined;
  return typeof person.data.name === 'string' ? person.data.name : undefined;
}
