import { compareHlc, parseHlc } from '@shared/clock/hlc';
import { isLocalRole, rolesOfRecord } from '@shared/domain/roles';
import type { AppErrorData } from '@shared/errors/appError';
import type { StaffMemberData } from '@shared/domain/staff';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { officeStream } from '../../store/offices';
import { loadRecordsOfKinds, recordHistory } from '../../store/recordStore';
import type { AuthorityContext } from './context';

/** An account as it stood: its roles read from old single-`role` records too. */
type Staff = Omit<StaffMemberData, 'roles'> & { roles: string[]; deleted: boolean };

/**
 * Whether the op's actor may act for the office: an account of the office (a
 * `staffMember` record HQ holds), not disabled and holding the role the op claims (an
 * account may hold several; each op names the one it acted in), as
 * the account stood at the op's clock — so work done offline before a colleague's
 * account was disabled still counts, and nothing done after does. Null when it may.
 */
export async function actorRefusal(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<AppErrorData | null> {
  const { userId, role } = op.actor;
  if (await isBootstrap(ctx, op)) return null;
  const staff = await staffAt(ctx, userId, op.hlc);
  if (!staff && (await isQueuedBeforeAuthority(ctx, op))) return null;
  if (!staff || staff.deleted) {
    return refusal('actor.unknown', `${userId} is not an account of office ${ctx.officeId}.`);
  }
  if (staff.disabled) return refusal('actor.disabled', `The account ${userId} is disabled.`);
  // Accounts are device-local: one desk's login never acts through another desk.
  if (staff.deviceId !== ctx.device.id) {
    return refusal('actor.other_device', `The account ${userId} lives on another desk.`);
  }
  if (!staff.roles.includes(role)) {
    const held = staff.roles.join('+');
    return refusal('actor.role_not_held', `The account ${userId} holds ${held}, not ${role}.`, {
      held,
      claimed: role,
    });
  }
  return null;
}

/**
 * A desk's first administrator creates its own account before anyone can vouch for it
 * (the first run): allowed once per device, for an administrator's record of itself
 * made on that device.
 */
async function isBootstrap(ctx: AuthorityContext, op: QueueEntry): Promise<boolean> {
  const fields = op.fields;
  if (
    op.kind !== 'staffMember' ||
    op.op !== 'create' ||
    op.recordId !== op.actor.userId ||
    op.actor.role !== 'admin' ||
    !rolesOfRecord(fields).includes('admin') ||
    fields.deviceId !== ctx.device.id ||
    (await ctx.work.load(ctx.officeId, 'staffMember', op.recordId)) !== null
  ) {
    return false;
  }
  const staff = await loadRecordsOfKinds(ctx.trx, ctx.officeId, ['staffMember']);
  return (
    !staff.some((s) => s.data.deviceId === ctx.device.id) && !ctx.bootstrapped.has(ctx.device.id)
  );
}

/**
 * An op a desk queued before HQ checked actors, from a desk enrolled before then that has
 * not sent its accounts yet: they follow it in the desk's sequence (the desk writes them
 * at its first start after the upgrade), so it is judged without the account — its role
 * still a desk role, its step still replayed. Once the desk's first account arrives, or
 * for an op made after HQ's upgrade, this never holds.
 */
async function isQueuedBeforeAuthority(ctx: AuthorityContext, op: QueueEntry): Promise<boolean> {
  const clock = parseHlc(op.hlc);
  if (!clock || !isLocalRole(op.actor.role) || ctx.bootstrapped.has(ctx.device.id)) return false;
  const since = await ctx.trx
    .selectFrom('hq_meta')
    .select('value')
    .where('key', '=', 'authority_since')
    .executeTakeFirst();
  const sinceMs = since ? Date.parse(since.value) : Number.NaN;
  if (!(clock.wallMs < sinceMs)) return false;
  const device = await ctx.trx
    .selectFrom('devices')
    .select('enrolled_at')
    .where('id', '=', ctx.device.id)
    .executeTakeFirst();
  if (!device || !(Date.parse(device.enrolled_at) < sinceMs)) return false;
  const staff = await loadRecordsOfKinds(ctx.trx, ctx.officeId, ['staffMember']);
  return !staff.some((s) => s.data.deviceId === ctx.device.id);
}

/**
 * The name of the op's actor as HQ knows the account at the op's clock (its display name,
 * which the desk's login writes as the actor's name); the op's own name only for an op
 * judged without accounts (a first run, a desk queued before HQ checked actors).
 */
export async function actorNameAtHq(ctx: AuthorityContext, op: QueueEntry): Promise<string> {
  const staff = await staffAt(ctx, op.actor.userId, op.hlc);
  return staff && !staff.deleted ? staff.displayName : op.actor.name;
}

async function staffAt(ctx: AuthorityContext, userId: string, hlc: string): Promise<Staff | null> {
  const current = await ctx.work.load(ctx.officeId, 'staffMember', userId);
  if (!current) return null;
  const now = asStaff(current.data, current.deleted);
  if (compareHlc(current.hlc, hlc) <= 0) return now;
  // Changed since the op was made: the account as it stood then (its creation counts
  // from the start, so work queued before accounts synced is judged by them).
  const history = await recordHistory(ctx.trx, officeStream(ctx.officeId), 'staffMember', userId);
  const before = history.filter((s) => compareHlc(String(s.hlc), hlc) <= 0).at(-1) ?? history[0];
  return before ? asStaff(before, before.deleted === true) : now;
}

function asStaff(data: unknown, deleted: boolean): Staff {
  return { ...(data as StaffMemberData), roles: rolesOfRecord(data), deleted };
}

function refusal(code: string, message: string, params?: Record<string, string>): AppErrorData {
  return {
    code: 'forbidden',
    message,
    fieldErrors: [{ path: 'actor', code, ...(params ? { params } : {}) }],
  };
}
