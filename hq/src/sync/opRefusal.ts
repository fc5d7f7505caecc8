import { parseHlc } from '@shared/clock/hlc';
import type { AppErrorData } from '@shared/errors/appError';
import { isDeletable } from '@shared/records/corrections';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { programmeModules } from '@shared/programmes/registry';
import type { WorkflowAction } from '@shared/workflow/stateMachine';

/** A clock this far ahead of HQ's would win every merge for its office: refused. */
const maxClockLeadMs = 24 * 3_600_000;

/**
 * Why an op can never apply, whatever the data: an unreadable or runaway clock, a
 * reused sequence number, a kind desks do not write, an illegal workflow step.
 */
export function opRefusal(op: QueueEntry, lastSeq: number, now: Date): AppErrorData | null {
  const clock = parseHlc(op.hlc);
  if (!clock || clock.wallMs > now.getTime() + maxClockLeadMs) {
    return {
      code: 'validation',
      message: "The op's clock is unreadable or far ahead of HQ's; fix the device clock.",
      fieldErrors: [{ path: 'hlc', code: 'sync.clock_ahead' }],
    };
  }
  // The op's moment too: a step stores it (statusChangedAt), and one dated years ahead
  // would leave every later step "before the step before it" — the case frozen.
  if (Date.parse(op.createdAt) > now.getTime() + maxClockLeadMs) {
    return {
      code: 'validation',
      message: "The op's moment is far ahead of HQ's clock; fix the device clock.",
      fieldErrors: [{ path: 'createdAt', code: 'sync.clock_ahead' }],
    };
  }
  if (op.seq <= lastSeq) {
    return { code: 'conflict', message: `Sequence ${op.seq} was already used by another op.` };
  }
  const kind = op.kind as RecordKind;
  if (!isOfficeKind(kind)) {
    return {
      code: 'forbidden',
      message: `Desks do not write ${op.kind} records.`,
      fieldErrors: [{ path: 'kind', code: 'sync.kind_not_writable', params: { kind: op.kind } }],
    };
  }
  if (op.op !== 'delete' && Object.hasOwn(op.fields, 'deleted')) {
    // Only a delete deletes: an edit carrying the flag would pass the rules of edits.
    return {
      code: 'validation',
      message: 'Only a delete op deletes a record.',
      fieldErrors: [{ path: 'deleted', code: 'record.delete_by_edit' }],
    };
  }
  if (op.op === 'delete' && !isDeletable(kind) && kind !== 'assistanceCase') {
    // No desk deletes these: a person, a bed is corrected or retired with its reason, and
    // a forged delete would erase it from every desk with none. (A case's own authority
    // refuses its delete, saying how a case is closed instead.)
    return {
      code: 'forbidden',
      message: `${op.kind} records are corrected, never deleted.`,
      fieldErrors: [{ path: 'op', code: 'record.not_deletable', params: { kind: op.kind } }],
    };
  }
  if (op.op === 'transition') return stepRefusal(op, kind);
  return null;
}

/**
 * A step no programme's state machine has, or not for the op's role: refused outright
 * (the case's own programme judges it again in caseAuthority, with the case at hand).
 */
function stepRefusal(op: QueueEntry, kind: RecordKind): AppErrorData | null {
  const step = op.transition;
  const candidates: WorkflowAction<string, never>[] = [];
  if (step && kind === 'assistanceCase') {
    for (const module of Object.values(programmeModules)) {
      const actions = module.workflow.actions as Record<string, WorkflowAction<string, never>>;
      const action = Object.hasOwn(actions, step.action) ? actions[step.action] : undefined;
      if (action && action.to === step.to && action.from.includes(step.from)) {
        candidates.push(action);
      }
    }
  }
  const action =
    candidates.find((a) => (a.roles as readonly string[]).includes(op.actor.role)) ?? candidates[0];
  if (
    !step ||
    !action ||
    action.to !== step.to ||
    !(action.from as readonly string[]).includes(step.from)
  ) {
    return {
      code: 'invalid_transition',
      message: `Not a step of the workflow: ${step?.action ?? '(none)'} from ${step?.from ?? '?'} to ${step?.to ?? '?'}.`,
      fieldErrors: [{ path: 'transition', code: 'workflow.not_a_step' }],
    };
  }
  if (!(action.roles as readonly string[]).includes(op.actor.role)) {
    return {
      code: 'forbidden',
      message: `Role ${op.actor.role} may not ${step.action}.`,
      fieldErrors: [
        { path: 'actor', code: 'workflow.role_may_not', params: { action: step.action } },
      ],
    };
  }
  return null;
}

export function isOfficeKind(kind: string): boolean {
  return (
    Object.hasOwn(kindDefinitions, kind) && kindDefinitions[kind as RecordKind].scope === 'office'
  );
}
