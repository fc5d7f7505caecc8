/**
 * A programme's checks of a case against the household's other cases of the programme
 * (ProgrammeModule.householdCaseChecks: 临时救助's repeated help within its window),
 * judged at HQ on the merged record with HQ's cases and HQ's rules — the same shared
 * function the desk's write path runs. The household's cases are HQ's records as this
 * batch has left them (staged work), plus the batch's own new cases.
 */
import { assistanceCaseDataSchema, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { AppErrorData } from '@shared/errors/appError';
import { isProgramme, programmeModules } from '@shared/programmes/registry';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';

type CaseWithId = AssistanceCaseData & { id: string };

export async function householdCaseCheck(
  ctx: AuthorityContext,
  state: RecordState,
): Promise<AppErrorData | null> {
  // Most programmes have no such check: nothing to read for them.
  const programme = state.data.programme;
  if (!isProgramme(programme)) return null; // named elsewhere
  const check = programmeModules[programme].householdCaseChecks;
  if (!check) return null;
  const parsed = assistanceCaseDataSchema.safeParse(state.data);
  if (!parsed.success) return null; // the schema check names what is wrong
  const data = { ...parsed.data, id: state.id };
  const [others, reference] = await Promise.all([
    householdCasesAtHq(ctx, data),
    ctx.facts.referenceFacts(),
  ]);
  const issues = check(data, others, reference.rules);
  if (issues.length === 0) return null;
  return {
    code: 'validation',
    message: `The case breaks a rule of its household's ${data.programme} cases: ${issues
      .map((i) => `${i.path} ${i.code}`)
      .join('; ')}.`,
    fieldErrors: issues,
  };
}

/** The household's other live cases of the programme, as this batch has left them. */
async function householdCasesAtHq(ctx: AuthorityContext, data: CaseWithId): Promise<CaseWithId[]> {
  // A prefilter on the stored JSON (exact filtering below): household ids are registry
  // UUIDs, so the pattern holds no LIKE wildcards of its own.
  const rows = await ctx.trx
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', ctx.officeId)
    .where('kind', '=', 'assistanceCase')
    .where('data', 'like', `%"householdId":${JSON.stringify(data.householdId)}%`)
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  for (const id of batchCasesOf(ctx).get(data.householdId) ?? []) ids.add(id);
  ids.delete(data.id);
  const others: CaseWithId[] = [];
  for (const id of ids) {
    const other = await ctx.work.load(ctx.officeId, 'assistanceCase', id);
    if (!other || other.deleted) continue;
    const parsed = assistanceCaseDataSchema.safeParse(other.data);
    if (!parsed.success) continue;
    if (parsed.data.householdId !== data.householdId) continue;
    if (parsed.data.programme !== data.programme) continue;
    others.push({ ...parsed.data, id });
  }
  return others;
}

// Keyed by the batch's ops (one array per batch; a context is made per op).
const batchCases = new WeakMap<readonly QueueEntry[], Map<string, Set<string>>>();

/**
 * The batch's case ops by the household they name (creates and moves), built once per
 * batch: a package of thousands of cases does not walk all its ops for every case.
 */
function batchCasesOf(ctx: AuthorityContext): Map<string, Set<string>> {
  let byHousehold = batchCases.get(ctx.ops);
  if (!byHousehold) {
    byHousehold = new Map();
    for (const op of ctx.ops) {
      const householdId = op.kind === 'assistanceCase' ? op.fields.householdId : undefined;
      if (typeof householdId !== 'string') continue;
      const ids = byHousehold.get(householdId) ?? new Set<string>();
      ids.add(op.recordId);
      byHousehold.set(householdId, ids);
    }
    batchCases.set(ctx.ops, byHousehold);
  }
  return byHousehold;
}
