import type { RegistryNames } from '@shared/authority/personCopies';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { officeStream } from '../../store/offices';
import { recordHistory } from '../../store/recordStore';
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

/**
 * A live person's name at HQ now and every name the registry gave them before (what a
 * desk that had not yet seen a correction may still copy), or undefined when HQ holds
 * no such live person.
 */
export async function registryNamesAtHq(
  ctx: AuthorityContext,
  personId: unknown,
): Promise<RegistryNames | undefined> {
  if (typeof personId !== 'string') return undefined;
  const person = await ctx.work.load(ctx.officeId, 'person', personId);
  if (!person || person.deleted || typeof person.data.name !== 'string') return undefined;
  const history = await recordHistory(ctx.trx, officeStream(ctx.officeId), 'person', personId);
  const earlier = history.flatMap((s) => (typeof s.name === 'string' ? [s.name] : []));
  return { current: person.data.name, known: [person.data.name, ...earlier] };
}
