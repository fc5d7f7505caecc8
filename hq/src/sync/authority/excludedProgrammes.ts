/**
 * 特困 ↔ 低保 at HQ (shared excludedProgrammeClash, the rule the desk's write path runs): a
 * case entering force — its approving step, a 名册转入, a coverage change while in force —
 * may not cover a person in force in a programme the modules' `excludes` rule out, judged
 * with the office's cases as this batch has left them (openCases.ts finds them).
 */
import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import type { AppErrorData } from '@shared/errors/appError';
import {
  entersForce,
  excludedProgrammeClash,
  excludedProgrammeError,
} from '@shared/programmes/caseChecks';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';
import { casesCovering } from './openCases';

export async function excludedProgrammeCheck(
  ctx: AuthorityContext,
  before: Record<string, unknown> | null,
  state: RecordState,
): Promise<AppErrorData | null> {
  const parsed = assistanceCaseDataSchema.safeParse(state.data);
  if (!parsed.success) return null; // the schema check names what is wrong
  const held = before ? assistanceCaseDataSchema.safeParse(before) : null;
  const c = { ...parsed.data, id: state.id };
  if (!entersForce(held?.success ? held.data : null, c)) return null;
  const others = await casesCovering(ctx, c.coveredPersonIds, state.id);
  const clash = excludedProgrammeClash(c, others);
  if (!clash) return null;
  const person = await ctx.work.load(ctx.officeId, 'person', clash.personId);
  const name = typeof person?.data.name === 'string' ? person.data.name : clash.personId;
  return {
    code: 'validation',
    message: `A covered person is in force in ${clash.programme}, which this programme excludes.`,
    fieldErrors: [excludedProgrammeError(clash, name)],
    details: { existingId: clash.caseId, personId: clash.personId },
  };
}
