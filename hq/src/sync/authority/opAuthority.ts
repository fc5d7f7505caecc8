import { actorNamedKinds, actorStampIssues } from '@shared/authority/actorStamp';
import { mayWrite } from '@shared/authority/kindWriters';
import { lastAdminIssue } from '@shared/authority/lastAdmin';
import { hasFixedPlace, placeCorrectionIssues } from '@shared/domain/elderlyCare/placeFixed';
import type { AppErrorData } from '@shared/errors/appError';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { loadRecordsOfKinds } from '../../store/recordStore';
import type { RecordState } from '../merge';
import { accessLogAuthority } from './accessChain';
import { actorNameAtHq, actorRefusal } from './actor';
import { caseAuthority } from './caseAuthority';
import { recomputationAuthority } from './dynamicsAuthority';
import { medicalAuthority } from './medicalAuthority';
import type { AcceptedStep, AuthorityContext } from './context';
import { personCopyAuthority } from './personCopyAuthority';
import { registryAuthority } from './registryAuthority';
import { rollAuthority } from './rollAuthority';

/**
 * What HQ lets a pushed op do, once it passed the checks: the change to merge (for a
 * workflow step, with the fields HQ computed), a check of the merged record (a case's
 * benefit against its merged figures), and what to remember when it applies.
 */
export interface Authorized {
  change: QueueEntry;
  checkMerged?: (state: RecordState) => Promise<AppErrorData | null>;
  onApplied?: () => void;
}

/**
 * HQ never trusts a desk. Every op from a desk (online or in a package) passes here
 * before it merges, in this order: the actor is an active account of the office with
 * the role it claims (at the op's clock); that role may write the kind; a record that
 * names its writer names that account (shared/authority/actorStamp.ts); then the kind's
 * own rules — a case's workflow replayed, a history event only from a step accepted in
 * the same local transaction, delegation never from a desk. docs/sync.md lists them.
 */
export async function authorizeOp(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  const actor = await actorRefusal(ctx, op);
  if (actor) return { refusal: actor };
  if (!mayWrite(op.actor.role, op.kind)) {
    return {
      refusal: {
        code: 'forbidden',
        message: `Role ${op.actor.role} may not write ${op.kind} records.`,
        fieldErrors: [{ path: 'actor', code: 'actor.role_may_not', params: { kind: op.kind } }],
      },
    };
  }
  // A case's history event is judged with its step (caseAuthority), which it must match
  // first: an event with no step is refused as such, whatever name it carries.
  if (actorNamedKinds.has(op.kind) && op.kind !== 'caseEvent') {
    const held = await ctx.work.load(ctx.officeId, op.kind, op.recordId);
    const stamp = actorStampIssues(op, held?.data ?? null, await actorNameAtHq(ctx, op));
    if (stamp.length > 0) {
      return {
        refusal: {
          code: 'validation',
          message: 'A record names the account that wrote it.',
          fieldErrors: stamp,
        },
      };
    }
  }
  switch (op.kind) {
    case 'assistanceCase':
      return caseAuthority(ctx, op);
    case 'caseEvent':
      return eventAuthority(ctx, op);
    case 'benefitRecomputation':
      return recomputationAuthority(ctx, op);
    case 'officeSettings':
      return settingsAuthority(op);
    case 'staffMember':
      return await staffAuthority(ctx, op);
    case 'person':
    case 'household':
      return registryAuthority(ctx, op);
    case 'paymentRoll':
    case 'rollUnpaid':
      return rollAuthority(ctx, op);
    case 'medicalCoverage':
      return medicalAuthority(ctx, op);
    case 'accessLog':
      return accessLogAuthority(ctx, op);
    default:
      if (hasFixedPlace(op.kind) && op.op === 'update') return placeAuthority(ctx, op);
      return personCopyAuthority(ctx, op);
  }
}

/** A bed, room or building keeps what it is fixed to, judged on the merged record. */
async function placeAuthority(ctx: AuthorityContext, op: QueueEntry): Promise<Authorized> {
  const before = await ctx.work.load(ctx.officeId, op.kind, op.recordId);
  if (!before) return { change: op }; // the merge says not_found
  return {
    change: op,
    checkMerged: (state) => {
      const issues = placeCorrectionIssues(op.kind, before.data, state.data);
      const message = `A ${op.kind} keeps its place, type and retirement once saved.`;
      return Promise.resolve(
        issues.length > 0 ? { code: 'validation', message, fieldErrors: issues } : null,
      );
    },
  };
}

/** A history event stands only as the record of a step HQ accepted in its transaction. */
function eventAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Authorized | { refusal: AppErrorData } {
  const steps = ctx.acceptedSteps.get(op.txId) ?? [];
  const f = op.fields;
  const match = (s: AcceptedStep) =>
    s.caseId === f.caseId &&
    s.action === f.action &&
    s.from === f.from &&
    s.to === f.to &&
    s.actorId === f.actorId &&
    s.actorRole === f.actorRole &&
    s.opinion === (typeof f.opinion === 'string' ? f.opinion.trim() : '') &&
    s.reason === (typeof f.reason === 'string' ? f.reason.trim() : '');
  const index = op.op === 'create' ? steps.findIndex(match) : -1;
  if (index < 0) {
    return {
      refusal: {
        code: 'invalid_transition',
        message: 'A case event is written only by a workflow step HQ accepted.',
        fieldErrors: [{ path: 'caseId', code: 'workflow.event_without_step' }],
      },
    };
  }
  // One event per step: a second copy of the same event finds nothing to match.
  ctx.acceptedSteps.set(
    op.txId,
    steps.filter((_, i) => i !== index),
  );
  return { change: op };
}

/** Delegation is the county's to set: an office's settings never carry it. */
function settingsAuthority(op: QueueEntry): Authorized | { refusal: AppErrorData } {
  if (!('confirmationDelegated' in op.fields)) return { change: op };
  const { confirmationDelegated, ...fields } = op.fields;
  if (confirmationDelegated !== false) {
    return {
      refusal: {
        code: 'forbidden',
        message: 'Delegation of confirmation is set by the county at HQ, never by an office.',
        fieldErrors: [{ path: 'confirmationDelegated', code: 'delegation.hq_only' }],
      },
    };
  }
  // Desks set up before delegation moved to HQ wrote `false`: harmless, dropped.
  return { change: { ...op, fields } };
}

/**
 * An account lives on the desk that made it, for good: created there, changed only
 * there, never moved to another desk by an edit (its roles, name and state are what its
 * desk's administrator changes). The desk keeps one active administrator at least. The
 * first administrator is remembered.
 */
async function staffAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  const current = await ctx.work.load(ctx.officeId, 'staffMember', op.recordId);
  const moves = op.op === 'create' || 'deviceId' in op.fields;
  const elsewhere = current !== null && current.data.deviceId !== ctx.device.id;
  if ((moves && op.fields.deviceId !== ctx.device.id) || (op.op !== 'create' && elsewhere)) {
    return {
      refusal: {
        code: 'forbidden',
        message: 'An account is created and changed on the desk it lives on.',
        fieldErrors: [{ path: 'deviceId', code: 'actor.other_device' }],
      },
    };
  }
  if (op.op !== 'create') {
    return { change: op, checkMerged: (state) => keepsAnAdmin(ctx, state) };
  }
  if (op.recordId !== op.actor.userId) return { change: op };
  return { change: op, onApplied: () => ctx.bootstrapped.add(ctx.device.id) };
}

/** The desk's accounts as HQ holds them in this batch, the changed one as merged. */
async function keepsAnAdmin(ctx: AuthorityContext, state: RecordState) {
  const ids = (await loadRecordsOfKinds(ctx.trx, ctx.officeId, ['staffMember'])).map((r) => r.id);
  const accounts = [];
  for (const id of new Set([...ids, state.id])) {
    const record = await ctx.work.load(ctx.officeId, 'staffMember', id);
    if (record && record.data.deviceId === ctx.device.id) {
      accounts.push({ id, data: record.data, deleted: record.deleted });
    }
  }
  const issue = lastAdminIssue(accounts, {
    id: state.id,
    data: state.data,
    deleted: state.deleted,
  });
  return issue
    ? {
        code: 'validation' as const,
        message: 'The desk keeps one administrator at least.',
        fieldErrors: [issue],
      }
    : null;
}
