/**
 * One open case per person and programme, judged at HQ with HQ's cases (shared
 * openCaseClash, the rule the desk's write path runs): two desks of an office that each
 * opened a case for the same person while apart cannot both stand; the second is refused
 * and its desk shows why.
 */
import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import type { AppErrorData } from '@shared/errors/appError';
import { isOpenCase } from '@shared/programmes/caseEngine';
import { openCaseClash } from '@shared/programmes/caseChecks';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';

export async function openCaseCheck(
  ctx: AuthorityContext,
  state: RecordState,
): Promise<AppErrorData | null> {
  const parsed = assistanceCaseDataSchema.safeParse(state.data);
  if (!parsed.success) return null; // the schema check names what is wrong
  const c = { ...parsed.data, id: state.id };
  if (!isOpenCase(c) || c.coveredPersonIds.length === 0) return null;
  const others = await casesCovering(ctx, c.coveredPersonIds, state.id);
  const clash = openCaseClash(c, others);
  if (!clash) return null;
  const person = await ctx.work.load(ctx.officeId, 'person', clash.personId);
  const name = typeof person?.data.name === 'string' ? person.data.name : clash.personId;
  return {
    code: 'duplicate',
    message: 'A covered person is already in an open case of this programme.',
    fieldErrors: [{ path: 'coveredPersonIds', code: 'case.person_in_open_case', params: { name } }],
    details: { existingId: clash.caseId, personId: clash.personId },
  };
}

/** The office's live cases naming any of the persons, as this batch has left them. */
async function casesCovering(ctx: AuthorityContext, personIds: string[], self: string) {
  // A prefilter on the stored JSON (exact filtering in openCaseClash): person ids are
  // registry UUIDs, so the patterns hold no LIKE wildcards of their own.
  const rows = await ctx.trx
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', ctx.officeId)
    .where('kind', '=', 'assistanceCase')
    .where('deleted', '=', 0)
    .where((eb) => eb.or(personIds.map((id) => eb('data', 'like', `%${JSON.stringify(id)}%`))))
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  for (const op of ctx.ops) if (op.kind === 'assistanceCase') ids.add(op.recordId);
  ids.delete(self);
  const cases = [];
  for (const id of ids) {
    const other = await ctx.work.load(ctx.officeId, 'assistanceCase', id);
    if (!other || other.deleted) continue;
    const parsed = assistanceCaseDataSchema.safeParse(other.data);
    if (parsed.success) cases.push({ ...parsed.data, id });
  }
  return cases;
}
