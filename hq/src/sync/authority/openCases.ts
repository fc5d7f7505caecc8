/**
 * One open case per person and programme, judged at HQ with HQ's cases (shared
 * openCaseClash, the rule the desk's write path runs): two desks of an office that each
 * opened a case for the same person while apart cannot both stand; the second is refused
 * and its desk shows why.
 *
 * Which cases name a person: the batch's own case ops (an index built once per batch),
 * and the stored cases — for a push with a few new cases, one prefiltered query each; for
 * a batch with many (a package of an office's whole registry), the office's cases read
 * once into an index. Either way every candidate is judged on its current (staged) state.
 */
import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import type { AppErrorData } from '@shared/errors/appError';
import { isOpenCase } from '@shared/programmes/caseEngine';
import { openCaseClash } from '@shared/programmes/caseChecks';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';

/** Above this many case ops in a batch, the office's stored cases are indexed once. */
const QUERY_PER_CASE_UP_TO = 20;

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

type PersonIndex = Map<string, Set<string>>;
interface BatchIndex {
  byPerson: PersonIndex;
  caseOps: number;
}
// Keyed by the batch's ops (one array per batch; a context is made per op).
const batchIndexes = new WeakMap<readonly QueueEntry[], BatchIndex>();
const storedIndexes = new WeakMap<readonly QueueEntry[], Promise<PersonIndex>>();

function add(index: PersonIndex, personId: unknown, caseId: string) {
  if (typeof personId !== 'string') return;
  const ids = index.get(personId) ?? new Set<string>();
  ids.add(caseId);
  index.set(personId, ids);
}

/** The batch's case ops by the persons they name (creates and coverage changes). */
function batchIndex(ctx: AuthorityContext): BatchIndex {
  let index = batchIndexes.get(ctx.ops);
  if (!index) {
    index = { byPerson: new Map(), caseOps: 0 };
    for (const op of ctx.ops) {
      if (op.kind !== 'assistanceCase') continue;
      index.caseOps += 1;
      const covered = op.fields.coveredPersonIds;
      if (Array.isArray(covered)) for (const id of covered) add(index.byPerson, id, op.recordId);
    }
    batchIndexes.set(ctx.ops, index);
  }
  return index;
}

/**
 * The office's stored live cases by the persons they cover, read once for the batch (the
 * batch's own cases, flushed later, are in the batch index).
 */
function storedIndex(ctx: AuthorityContext): Promise<PersonIndex> {
  let index = storedIndexes.get(ctx.ops);
  if (!index) {
    index = (async () => {
      const rows = await ctx.trx
        .selectFrom('records')
        .select(['id', 'data'])
        .where('office_id', '=', ctx.officeId)
        .where('kind', '=', 'assistanceCase')
        .where('deleted', '=', 0)
        .execute();
      const byPerson: PersonIndex = new Map();
      for (const row of rows) {
        const covered = (JSON.parse(row.data) as { coveredPersonIds?: unknown }).coveredPersonIds;
        if (Array.isArray(covered)) for (const id of covered) add(byPerson, id, row.id);
      }
      return byPerson;
    })();
    storedIndexes.set(ctx.ops, index);
  }
  return index;
}

/** Stored cases naming any of the persons: one prefiltered query (a push's few cases). */
async function storedNaming(ctx: AuthorityContext, personIds: string[]): Promise<string[]> {
  // The pattern is a prefilter (exact judgement in openCaseClash): person ids are
  // registry UUIDs, so they hold no LIKE wildcards of their own.
  const rows = await ctx.trx
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', ctx.officeId)
    .where('kind', '=', 'assistanceCase')
    .where('deleted', '=', 0)
    .where((eb) => eb.or(personIds.map((id) => eb('data', 'like', `%${JSON.stringify(id)}%`))))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The office's live cases naming any of the persons, as this batch has left them (also
 * read by the programmes' exclusion, excludedProgrammes.ts).
 */
export async function casesCovering(ctx: AuthorityContext, personIds: string[], self: string) {
  const batch = batchIndex(ctx);
  const ids = new Set<string>();
  for (const id of personIds) for (const caseId of batch.byPerson.get(id) ?? []) ids.add(caseId);
  if (batch.caseOps > QUERY_PER_CASE_UP_TO) {
    const stored = await storedIndex(ctx);
    for (const id of personIds) for (const caseId of stored.get(id) ?? []) ids.add(caseId);
  } else {
    for (const caseId of await storedNaming(ctx, personIds)) ids.add(caseId);
  }
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
