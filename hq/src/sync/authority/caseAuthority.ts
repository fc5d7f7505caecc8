import { officeToday } from '@shared/validation/dates';
import {
  applicantCopyIssues,
  coveredPersonsIssues,
  benefitRefusal,
  caseCreateIssues,
  caseEditIssues,
  stepOpIssues,
} from '@shared/authority/caseOps';
import { addDays, isIsoDate } from '@shared/calendar/dates';
import { delegationInForce } from '@shared/domain/delegation';
import { assistanceCaseDataSchema, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { AppError, type AppErrorData, type FieldError } from '@shared/errors/appError';
import type { ActorRole } from '@shared/domain/roles';
import { correctionReasonIssue } from '@shared/records/corrections';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { moduleOf, planCaseStep } from '@shared/programmes/caseEngine';
import { enrolmentClosedSince } from '@shared/programmes/rosterEnrolment';
import { firstDayOfMonth } from '@shared/calendar/dates';
import { recomputedCorrectionIssues } from '@shared/dynamics/recomputation';
import { stepReasonIssues } from '@shared/dynamics/termination';
import { actorStampIssues } from '@shared/authority/actorStamp';
import { noteClosure, recomputationOfTx, successorRefusal } from './dynamicsAuthority';
import { actorNameAtHq } from './actor';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';
import { applicantNameAtHq, registryNamesAtHq } from './copyRefreshFacts';
import { householdCaseCheck } from './householdCases';
import { excludedProgrammeCheck } from './excludedProgrammes';
import { openCaseCheck } from './openCases';
import { tekunCheck } from './tekunAuthority';
import type { Authorized } from './opAuthority';

/**
 * A pushed change to a case, judged at HQ with HQ's data: created only as a draft,
 * facts corrected (with a reason) only before 公示 and never the workflow's fields, a benefit that is the
 * case's own S×N−I under the county's standard, and a step replayed through the same
 * state machine the desk ran — guards on HQ's calendar and delegation, the dates it
 * writes computed here. A step's op may carry only the step's fields.
 */
export async function caseAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  const current = await ctx.work.load(ctx.officeId, 'assistanceCase', op.recordId);
  const status = current?.data.status as string | undefined;
  switch (op.op) {
    case 'create': {
      if (current) return invalid('record', 'record.exists', 'The case exists already.');
      const issues = caseCreateIssues(op.fields);
      if (issues.length > 0)
        return refuse('invalid_transition', 'A case starts as a draft.', issues);
      const link = await successorRefusal(ctx, op);
      if (link) return link;
      return {
        change: op,
        checkMerged: async (state) =>
          (await applicantCheck(ctx, state)) ??
          (await coveredCheck(ctx, state)) ??
          (await tekunCheck(ctx, op, state)) ??
          (await benefitCheck(ctx, state)) ??
          (await householdCaseCheck(ctx, state)) ??
          (await openCaseCheck(ctx, state)),
      };
    }
    case 'update': {
      if (!current || status === undefined) return { change: op }; // the merge says not_found
      // A paid case's benefit under a new standard: only as a line of the recomputation
      // list its supervisor approves in the same transaction (shared/dynamics).
      const recomputation = await recomputationOfTx(ctx, op);
      if (recomputation) {
        const lineIssues = recomputedCorrectionIssues(
          op.fields,
          current.data as unknown as AssistanceCaseData,
          recomputation,
          op.recordId,
        );
        if (lineIssues.length > 0) {
          return refuse('validation', 'A recomputed benefit is its approved line.', lineIssues);
        }
        const date = firstDayOfMonth(recomputation.month);
        return { change: op, checkMerged: (state) => benefitCheck(ctx, state, date) };
      }
      const issues = caseEditIssues(
        {
          status,
          acceptedOn: nullableText(current.data.acceptedOn),
          noticeStartedOn: nullableText(current.data.noticeStartedOn),
          helpedFirstOn: nullableText(current.data.helpedFirstOn),
          programmeFacts: current.data.programmeFacts,
          previousCaseId: nullableText(current.data.previousCaseId),
          householdId: nullableText(current.data.householdId) ?? undefined,
          applicantPersonId: nullableText(current.data.applicantPersonId) ?? undefined,
        },
        op.fields,
        await applicantNameAtHq(ctx, op, current),
      );
      if (issues.length > 0) {
        return refuse('invalid_transition', `A ${status} case cannot be edited so.`, issues);
      }
      // A case keeps its revisions: a correction names its reason, as the desk asks.
      const reasonIssue = correctionReasonIssue('assistanceCase', op.op, op.reason);
      if (reasonIssue) return refuse('validation', 'A correction needs its reason.', [reasonIssue]);
      // A new applicant or a new copy of the name: the registry's person by that name.
      // (A copy left as it stands is not judged again: a desk that had not yet seen a
      // rename corrects other facts without reverting or breaking anything.)
      const renames =
        ('applicantName' in op.fields && op.fields.applicantName !== current.data.applicantName) ||
        ('applicantPersonId' in op.fields &&
          op.fields.applicantPersonId !== current.data.applicantPersonId);
      // Whom it covers, judged when the list or the household changes (a member who
      // left later does not block a correction of other facts).
      const recovers = ['coveredPersonIds', 'householdId'].some(
        (f) => f in op.fields && JSON.stringify(op.fields[f]) !== JSON.stringify(current.data[f]),
      );
      return {
        change: op,
        checkMerged: async (state) =>
          (renames ? await applicantCheck(ctx, state) : null) ??
          (recovers ? await coveredCheck(ctx, state) : null) ??
          (await tekunCheck(ctx, op, state)) ??
          (await benefitCheck(ctx, state)) ??
          (await householdCaseCheck(ctx, state)) ??
          (recovers ? await openCaseCheck(ctx, state) : null) ??
          (await excludedProgrammeCheck(ctx, current.data, state)),
      };
    }
    case 'delete':
      return refuse('forbidden', 'Cases are never deleted; a step closes them.', [
        { path: 'record', code: 'case.not_deletable' },
      ]);
    case 'transition':
      return stepAuthority(ctx, op, current);
  }
}

async function stepAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
  current: RecordState | null,
): Promise<Authorized | { refusal: AppErrorData }> {
  const fieldIssues = stepOpIssues(op.fields);
  if (fieldIssues.length > 0) {
    return refuse('invalid_transition', 'A step changes only what the step may.', fieldIssues);
  }
  const step = op.transition;
  if (!current || !step) return { change: op }; // the merge says not_found
  if (current.data.status !== step.from) {
    // The status the step starts from was left by this same desk's own earlier step: the
    // desk knew, so this is a step taken twice, not a colleague's concurrent one.
    if (current.fieldMeta.status?.deviceId === ctx.device.id) {
      return refuse('invalid_transition', `The case is ${String(current.data.status)} already.`, [
        {
          path: 'transition.from',
          code: 'workflow.step_repeated',
          params: { status: String(current.data.status), from: step.from },
        },
      ]);
    }
    // A colleague's step came first: the merge records the conflict for people.
    return { change: op };
  }

  const day = stepDay(op, ctx.now, current);
  if ('refusal' in day) return day;
  const [reference, settings] = await Promise.all([
    ctx.facts.referenceFacts(),
    ctx.facts.settings(ctx.work),
  ]);
  const event = eventOfStep(ctx, op);
  // Every step leaves its history event (the desk writes both in one transaction): a
  // step without one would change a case with no trace in its history.
  if (!event) {
    return refuse('invalid_transition', 'A step comes with its history event.', [
      { path: 'transition', code: 'workflow.event_missing' },
    ]);
  }
  // The event names the step's own actor (refused here too, so the step never stands
  // without the event that opAuthority then refuses).
  const named = actorStampIssues(
    { op: 'create', fields: event },
    null,
    await actorNameAtHq(ctx, op),
  );
  if (named.length > 0) {
    return refuse('validation', 'The history event names the account that took the step.', named);
  }
  // 停保 names its reason code (shared/dynamics/termination.ts).
  const reasonIssues = stepReasonIssues(step.action, String(event.reason ?? ''));
  if (reasonIssues.length > 0) {
    return refuse('validation', 'A termination names its reason.', reasonIssues);
  }
  const data = current.data as unknown as AssistanceCaseData;
  let planned;
  try {
    planned = planCaseStep(
      data,
      {
        action: step.action,
        role: op.actor.role as ActorRole,
        opinion: typeof event.opinion === 'string' ? event.opinion : null,
        reason: typeof event.reason === 'string' ? event.reason : op.reason,
        // 名册转入: the roster's month and approval day, judged by the step's own guard.
        enrolment: {
          paymentFrom: nullableText(op.fields.paymentFrom),
          decidedOn: nullableText(op.fields.decidedOn),
        },
      },
      {
        today: day.today,
        settings,
        calendar: reference.calendar,
        rules: reference.rules,
        // In force on the step's day and still today: a revoked delegation is not
        // regained by dating the step back.
        confirmationDelegated:
          delegationInForce(reference.delegations, ctx.officeId, day.today) &&
          delegationInForce(reference.delegations, ctx.officeId, officeToday(ctx.now)),
      },
    );
  } catch (error) {
    if (error instanceof AppError) return { refusal: error.toData() };
    throw error;
  }
  // 名册转入: the county's window in force on the step's day (the guard) and still today.
  if (moduleOf(data).workflow.marks[step.action]?.includes('enrolled')) {
    const closed = enrolmentClosedSince(reference.rules, officeToday(ctx.now), data.areaCode);
    if (closed) return refuse('invalid_transition', 'The enrolment window is closed.', [closed]);
  }
  if (planned.to !== step.to) {
    return refuse('invalid_transition', `The step ${step.action} leads to ${planned.to}.`, [
      { path: 'transition.to', code: 'workflow.wrong_target', params: { expected: planned.to } },
    ]);
  }
  const accepted = {
    caseId: op.recordId,
    action: step.action,
    from: step.from,
    to: planned.to,
    actorId: op.actor.userId,
    actorRole: op.actor.role,
    opinion: typeof event.opinion === 'string' ? event.opinion.trim() : '',
    reason: typeof event.reason === 'string' ? event.reason.trim() : '',
  };
  return {
    // HQ's own computation of what the step writes; the moment is the op's.
    change: { ...op, fields: { ...planned.fields, statusChangedAt: op.createdAt } },
    // A step dates a help (临时救助): the household's other cases judge it again.
    // An approving step (or 名册转入): not while a person is in force in an excluded programme.
    checkMerged: async (state) =>
      (await excludedProgrammeCheck(ctx, current.data, state)) ??
      (await householdCaseCheck(ctx, state)),
    onApplied: () => {
      const steps = ctx.acceptedSteps.get(op.txId) ?? [];
      ctx.acceptedSteps.set(op.txId, [...steps, accepted]);
      if (accepted.to === 'terminated') noteClosure(ctx, op.txId, op.recordId, accepted.reason);
    },
  };
}

/**
 * The office date of a step: the op's own moment in HQ's time zone (the offices'), never
 * later than HQ's today — a desk clock set ahead cannot end a 公示 early.
 */
function stepDay(
  op: QueueEntry,
  now: Date,
  current: RecordState,
): { today: string } | { refusal: AppErrorData } {
  const at = new Date(op.createdAt);
  const opDay = Number.isNaN(at.getTime()) ? '' : officeToday(at);
  if (!isIsoDate(opDay) || opDay < '2000-01-01') {
    return refuse('validation', 'The op has no readable time.', [
      { path: 'createdAt', code: 'field.date' },
    ]);
  }
  // Not before the step that brought the case where it is (a day's slack for desks'
  // clocks that differ): a step dated back past it would shorten the case's periods.
  const previous = new Date(String(current.data.statusChangedAt));
  if (!Number.isNaN(previous.getTime()) && opDay < addDays(officeToday(previous), -1)) {
    return refuse('validation', 'A step is not dated before the step before it.', [
      { path: 'createdAt', code: 'workflow.step_before_previous' },
    ]);
  }
  const hqDay = officeToday(now);
  return { today: opDay < hqDay ? opDay : hqDay };
}

/** The history event the desk wrote with the step (same local transaction), if any. */
function eventOfStep(ctx: AuthorityContext, step: QueueEntry): Record<string, unknown> | null {
  if (!ctx.eventsByTx.size) {
    ctx.eventsByTx.set('', []); // indexed: never walked again for this batch
    for (const o of ctx.ops) {
      if (o.kind !== 'caseEvent' || o.op !== 'create') continue;
      ctx.eventsByTx.set(o.txId, [...(ctx.eventsByTx.get(o.txId) ?? []), o]);
    }
  }
  // Written after the step, for this case and step, by the step's own actor: the event
  // that will stand as its record (eventAuthority checks it again when it comes).
  const event = ctx.eventsByTx
    .get(step.txId)
    ?.find(
      (o) =>
        o.seq > step.seq &&
        o.fields.caseId === step.recordId &&
        o.fields.action === step.transition?.action &&
        o.fields.from === step.transition?.from &&
        o.fields.to === step.transition?.to &&
        o.fields.actorId === step.actor.userId &&
        o.fields.actorRole === step.actor.role,
    );
  return event ? event.fields : null;
}

/** The merged case's applicant is a live person of the office, by a registered name. */
async function applicantCheck(
  ctx: AuthorityContext,
  state: RecordState,
): Promise<AppErrorData | null> {
  const names = await registryNamesAtHq(ctx, state.data.applicantPersonId);
  const issues = applicantCopyIssues({ applicantName: state.data.applicantName }, names);
  return issues.length > 0
    ? {
        code: 'validation',
        message: "The applicant is the registry's person.",
        fieldErrors: issues,
      }
    : null;
}

/** Everyone the merged case covers is a live member of its household at HQ. */
async function coveredCheck(
  ctx: AuthorityContext,
  state: RecordState,
): Promise<AppErrorData | null> {
  const ids = Array.isArray(state.data.coveredPersonIds) ? state.data.coveredPersonIds : [];
  const householdOf = new Map<string, string | null | undefined>();
  for (const id of ids) {
    if (typeof id !== 'string') continue;
    const person = await ctx.work.load(ctx.officeId, 'person', id);
    const theirs = person && !person.deleted ? person.data.householdId : undefined;
    householdOf.set(id, typeof theirs === 'string' || theirs === null ? theirs : undefined);
  }
  const issues = coveredPersonsIssues(state.data.householdId, householdOf);
  return issues.length > 0
    ? { code: 'validation', message: 'A case covers its household.', fieldErrors: issues }
    : null;
}

async function benefitCheck(ctx: AuthorityContext, state: RecordState, date?: string) {
  const parsed = assistanceCaseDataSchema.safeParse(state.data);
  if (!parsed.success) return null; // the schema check names what is wrong
  const [reference, settings] = await Promise.all([
    ctx.facts.referenceFacts(),
    ctx.facts.settings(ctx.work),
  ]);
  return benefitRefusal(parsed.data, reference.standards, settings, reference.rules, date);
}

function refuse(
  code: AppErrorData['code'],
  message: string,
  fieldErrors: FieldError[],
): { refusal: AppErrorData } {
  return { refusal: { code, message, fieldErrors } };
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function invalid(path: string, code: string, message: string) {
  return refuse('validation', message, [{ path, code }]);
}
