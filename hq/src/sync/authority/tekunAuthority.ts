import { officeToday } from '@shared/validation/dates';
import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import type { MovementEvent } from '@shared/domain/elderlyCare/projection';
import { movementDataSchema } from '@shared/domain/elderlyCare/movement';
import { personDataSchema } from '@shared/domain/person';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { selfCareLevelIssues } from '@shared/programmes/tekun/checks';
import {
  eligibilityIssues,
  residentIssues,
  residentStays,
} from '@shared/programmes/tekun/eligibility';
import { tekunFactsSchema } from '@shared/programmes/tekun/facts';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';

/**
 * A 特困 case judged at HQ with HQ's own records (the shared rules in
 * shared/programmes/tekun): the self-care level its six items give under the county's
 * rule, the applicant's eligibility read from HQ's registry (age on the application date,
 * disability grade and type), and for 集中供养 the resident record being the applicant's
 * own and staying on the op's day (stays replayed from HQ's movements of the resident).
 * Other programmes pass untouched.
 */
export async function tekunCheck(
  ctx: AuthorityContext,
  op: QueueEntry,
  state: RecordState,
): Promise<AppErrorData | null> {
  if (state.data.programme !== 'tekun') return null;
  const parsed = assistanceCaseDataSchema.safeParse(state.data);
  if (!parsed.success) return null; // the schema check names what is wrong
  const data = parsed.data;
  const facts = tekunFactsSchema.safeParse(data.programmeFacts);
  if (!facts.success) return null; // the module's schema check names it
  const { rules } = await ctx.facts.referenceFacts();
  const issues: FieldError[] = [...selfCareLevelIssues(data, rules)];
  const person = await ctx.work.load(ctx.officeId, 'person', data.applicantPersonId);
  const registered = person && !person.deleted ? personDataSchema.safeParse(person.data) : null;
  if (registered?.success) {
    issues.push(
      ...eligibilityIssues(
        facts.data.basis,
        registered.data,
        data.applicationDate,
        rules,
        data.areaCode,
      ),
    );
  }
  const support = facts.data.support;
  if (support.form === 'institution') {
    const resident = await ctx.work.load(ctx.officeId, 'elderlyResident', support.residentId);
    const live = resident && !resident.deleted ? resident.data : undefined;
    const personId = typeof live?.personId === 'string' ? live.personId : undefined;
    const movements = await movementsOf(ctx, support.residentId);
    issues.push(
      ...residentIssues(
        data.applicantPersonId,
        personId === undefined ? undefined : { personId },
        residentStays(movements),
        opDay(op, ctx.now),
      ),
    );
  }
  return issues.length > 0
    ? {
        code: 'validation',
        message: `The 特困 case breaks its rules: ${issues.map((i) => `${i.path} ${i.code}`).join('; ')}.`,
        fieldErrors: issues,
      }
    : null;
}

/**
 * The resident's movements as this batch has left them: the stored ones (a LIKE narrows
 * the rows; the id is then compared) and the batch's own movement ops (a discharge pushed
 * with the case's change), each read in its staged state — as openCases.ts reads cases.
 */
async function movementsOf(ctx: AuthorityContext, residentId: string): Promise<MovementEvent[]> {
  const rows = await ctx.trx
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', ctx.officeId)
    .where('kind', '=', 'elderlyMovement')
    .where('data', 'like', `%${JSON.stringify(residentId)}%`)
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  for (const op of ctx.ops) {
    if (op.kind === 'elderlyMovement' && op.fields.residentId === residentId) ids.add(op.recordId);
  }
  const movements: MovementEvent[] = [];
  for (const id of ids) {
    const state = await ctx.work.load(ctx.officeId, 'elderlyMovement', id);
    if (!state || state.deleted) continue;
    const m = movementDataSchema.safeParse(state.data);
    if (m.success && m.data.residentId === residentId) {
      movements.push({ ...m.data, id, hlc: state.hlc });
    }
  }
  return movements;
}

/** The office day of the op, never later than HQ's today. */
function opDay(op: QueueEntry, now: Date): string {
  const at = new Date(op.createdAt);
  const hqDay = officeToday(now);
  if (Number.isNaN(at.getTime())) return hqDay;
  const day = officeToday(at);
  return day < hqDay ? day : hqDay;
}
