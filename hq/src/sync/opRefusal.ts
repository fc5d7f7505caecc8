import { parseHlc } from '@shared/clock/hlc';
import type { AppErrorData } from '@shared/errors/appError';
import { kindDefinitions, type RecordKind } from '@shared/records/kinds';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { dibaoWorkflow } from '@shared/workflow/dibaoWorkflow';

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
  if (op.seq <= lastSeq) {
    return { code: 'conflict', message: `Sequence ${op.seq} was already used by another op.` };
  }
  const kind = op.kind as RecordKind;
  if (!isOfficeKind(kind)) {
    return { code: 'forbidden', message: `Desks do not write ${op.kind} records.` };
  }
  if (op.op === 'transition' && !isLegalStep(op, kind)) {
    return { code: 'invalid_transition', message: `Not a legal workflow step.` };
  }
  return null;
}

function isLegalStep(op: QueueEntry, kind: RecordKind): boolean {
  const step = op.transition;
  const actions = dibaoWorkflow.actions as Record<string, (typeof dibaoWorkflow.actions)['submit']>;
  const action =
    step && kind === 'assistanceCase' && Object.hasOwn(actions, step.action)
      ? actions[step.action]
      : undefined;
  return (
    step !== null &&
    action !== undefined &&
    action.to === step.to &&
    (action.from as readonly string[]).includes(step.from) &&
    (action.roles as readonly string[]).includes(op.actor.role)
  );
}

export function isOfficeKind(kind: string): boolean {
  return (
    Object.hasOwn(kindDefinitions, kind) && kindDefinitions[kind as RecordKind].scope === 'office'
  );
}
