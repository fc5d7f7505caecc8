/**
 * 动态管理 at HQ (shared/dynamics): a recomputation list is approved only by a
 * supervisor and never changed once approved; a correction of a paid case is accepted
 * only with the approval of a list holding its line in the same local transaction; a
 * successor case names a case of this office closed for that reason in its transaction.
 */
import {
  benefitRecomputationDataSchema,
  type BenefitRecomputationData,
} from '@shared/dynamics/recomputation';
import { recomputationDiffers } from '@shared/dynamics/recomputationCheck';
import { recomputeMonth } from '@shared/dynamics/recomputation';
import { successorIssues } from '@shared/dynamics/succession';
import { approvalStampIssues } from '@shared/authority/approvalStamp';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { actorNameAtHq } from './actor';
import type { AuthorityContext } from './context';
import { opOfficeDay, rollInputsAtHq } from './rollAuthority';
import type { Authorized } from './opAuthority';

const kind = 'benefitRecomputation';

/**
 * Terminations HQ applied in this batch, by local transaction (the step's history event
 * consumes the batch's accepted step, so the successor's check keeps its own note).
 */
const closures = new WeakMap<object, Map<string, { caseId: string; reason: string }[]>>();

/** Called when a terminate step is applied: the successor in its transaction may name it. */
export function noteClosure(ctx: AuthorityContext, txId: string, caseId: string, reason: string) {
  // Keyed by the batch's own map of accepted steps: each op gets a context of its own.
  const byTx =
    closures.get(ctx.acceptedSteps) ?? new Map<string, { caseId: string; reason: string }[]>();
  byTx.set(txId, [...(byTx.get(txId) ?? []), { caseId, reason }]);
  closures.set(ctx.acceptedSteps, byTx);
}

export async function recomputationAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  const current = await ctx.work.load(ctx.officeId, kind, op.recordId);
  if (current?.data.status === 'approved') {
    return refuse('invalid_transition', 'An approved recomputation is never changed.', [
      { path: 'status', code: 'dynamics.recomputation_approved' },
    ]);
  }
  if (op.op === 'delete') return { change: op };
  // Drawn up first, approved after: a list is never created approved.
  if (op.op === 'create' && op.fields.status !== 'draft') {
    return refuse('invalid_transition', 'A recomputation starts as a draft.', [
      { path: 'status', code: 'workflow.initial_state', params: { expected: 'draft' } },
    ]);
  }
  if (op.fields.status === 'approved' && op.actor.role !== 'supervisor') {
    return refuse('forbidden', 'Only a supervisor approves a recomputation.', [
      { path: 'status', code: 'dynamics.approve_role' },
    ]);
  }
  const held =
    current && !current.deleted
      ? (current.data as { status: string; approvedOn: string | null })
      : null;
  return {
    change: op,
    checkMerged: async (state) => {
      const parsed = benefitRecomputationDataSchema.safeParse(state.data);
      if (!parsed.success) return null; // the schema check names what is wrong
      const list = parsed.data;
      // Approved on the op's own day (a recomputation keeps no approver's name).
      const stamp = approvalStampIssues(held, list, {
        actorName: await actorNameAtHq(ctx, op),
        day: opOfficeDay(op),
      });
      if (stamp.length > 0) return invalid('Approved on the day of approval.', stamp);
      if (list.status !== 'approved') return null;
      // The lines HQ computes itself from its cases (as this batch has left them, before
      // the corrections that follow the approval) under the county's standards.
      const input = await rollInputsAtHq(ctx, list.programme, list.month);
      const computed = recomputeMonth(
        list.programme,
        list.month,
        input.cases.map((c) => ({ ...c.data, id: c.id })),
        input.reference,
      );
      return recomputationDiffers(list, computed)
        ? invalid('The list is not what HQ recomputes from its own records.', [
            { path: 'lines', code: 'dynamics.recomputation_lines_differ' },
          ])
        : null;
    },
  };
}

function invalid(message: string, fieldErrors: FieldError[]): AppErrorData {
  return { code: 'validation', message, fieldErrors };
}

/** The recomputation approved in the op's own local transaction, as HQ then holds it. */
export async function recomputationOfTx(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<BenefitRecomputationData | undefined> {
  const approval = ctx.ops.find(
    (o) =>
      o.kind === kind &&
      o.op === 'update' &&
      o.txId === op.txId &&
      o.seq < op.seq &&
      o.fields.status === 'approved' &&
      o.actor.role === 'supervisor',
  );
  if (!approval) return undefined;
  // As HQ holds it after that op: an approval HQ refused (its lines not HQ's, its day
  // not the op's) approves nothing, so its corrections are refused with it.
  const stored = await ctx.work.load(ctx.officeId, kind, approval.recordId);
  const parsed = benefitRecomputationDataSchema.safeParse(stored?.data ?? {});
  return parsed.success && parsed.data.status === 'approved' ? parsed.data : undefined;
}

/** A new case's link to the case it continues (head of household changed or died). */
export async function successorRefusal(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<{ refusal: AppErrorData } | null> {
  const previousId = op.fields.previousCaseId;
  if (previousId === null || previousId === undefined) return null;
  const previous =
    typeof previousId === 'string'
      ? await ctx.work.load(ctx.officeId, 'assistanceCase', previousId)
      : null;
  const closedFor = (closures.get(ctx.acceptedSteps)?.get(op.txId) ?? []).find(
    (c) => c.caseId === previousId,
  )?.reason;
  const issues = successorIssues(
    {
      previousCaseId: previousId,
      programme: op.fields.programme,
      householdId: op.fields.householdId,
    },
    { previous: previous && !previous.deleted ? previous.data : undefined, closedFor },
  );
  return issues.length > 0
    ? refuse('validation', 'A successor case continues a case closed for it.', issues)
    : null;
}

function refuse(
  code: AppErrorData['code'],
  message: string,
  fieldErrors: FieldError[],
): { refusal: AppErrorData } {
  return { refusal: { code, message, fieldErrors } };
}
