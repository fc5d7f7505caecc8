import { sql } from 'kysely';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import {
  headNameIssues,
  householdMembershipIssues,
  leavingHouseholdIssues,
  type HouseholdData,
} from '@shared/domain/household';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';
import { registryNamesAtHq } from './copyRefreshFacts';
import type { Authorized } from './opAuthority';

/**
 * A person is in one household at a time, judged at HQ with HQ's records as the desk
 * judges it with its own (shared/domain/household.ts): a household's member list names
 * only persons whose own record says this household (they join first, in the same desk
 * transaction, so HQ merged them already); a person leaves a household only once it no
 * longer lists them. Checked on the merged record, whatever the merge kept.
 */
export async function registryAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized | { refusal: AppErrorData }> {
  if (op.op === 'delete') return { change: op };
  if (op.kind === 'household') {
    const current = await ctx.work.load(ctx.officeId, 'household', op.recordId);
    // A new head or a new copy of the head's name (one left as it stands is not judged
    // again: a desk that had not yet seen a rename corrects the address undisturbed).
    const renames = ['headName', 'headPersonId'].some(
      (f) => f in op.fields && (!current || op.fields[f] !== current.data[f]),
    );
    if (!('members' in op.fields) && !renames) return { change: op };
    return {
      change: op,
      checkMerged: async (state) =>
        ('members' in op.fields ? await membership(ctx, state) : null) ??
        (renames ? await headName(ctx, state) : null),
    };
  }
  const joins = 'householdId' in op.fields;
  const renumbers = op.op === 'update' && 'idNumber' in op.fields;
  if (!joins && !renumbers) return { change: op };
  const current = await ctx.work.load(ctx.officeId, 'person', op.recordId);
  const before = current?.data.householdId;
  return {
    change: op,
    checkMerged: async (state) => {
      if (renumbers && state.data.idNumber !== current?.data.idNumber) {
        const taken = await idNumberHolder(ctx, state);
        if (taken) return taken;
      }
      if (typeof before !== 'string' || before === state.data.householdId) return null;
      const left = await ctx.work.load(ctx.officeId, 'household', before);
      const household = left && !left.deleted ? (left.data as unknown as HouseholdData) : null;
      return refusal(leavingHouseholdIssues(op.recordId, household));
    },
  };
}

/**
 * A person corrected to an ID number another live person of the office holds, as the
 * desk's duplicate check refuses it (`person.duplicate_id`, params.name). Two desks that
 * register one person offline create two records; that stays for people to merge.
 */
async function idNumberHolder(ctx: AuthorityContext, state: RecordState) {
  const idNumber = state.data.idNumber;
  if (typeof idNumber !== 'string' || idNumber === '') return null;
  const text = JSON.stringify({ idNumber })
    .slice(1, -1)
    .replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await ctx.trx
    .selectFrom('records')
    .select('id')
    .where('office_id', '=', ctx.officeId)
    .where('kind', '=', 'person')
    .where('id', '!=', state.id)
    .where(sql<boolean>`data like ${`%${text}%`} escape '\\'`)
    .execute();
  for (const { id } of rows) {
    const other = await ctx.work.load(ctx.officeId, 'person', id);
    if (!other || other.deleted || other.data.idNumber !== idNumber) continue;
    const name = typeof other.data.name === 'string' ? other.data.name : '';
    return {
      code: 'duplicate' as const,
      message: 'A person with this ID number is already registered.',
      fieldErrors: [{ path: 'idNumber', code: 'person.duplicate_id', params: { name } }],
    };
  }
  return null;
}

async function headName(ctx: AuthorityContext, state: RecordState) {
  return refusal(
    headNameIssues(state.data.headName, await registryNamesAtHq(ctx, state.data.headPersonId)),
  );
}

async function membership(ctx: AuthorityContext, state: RecordState) {
  const listed = Array.isArray(state.data.members) ? (state.data.members as unknown[]) : [];
  const ids = listed.flatMap((m) =>
    typeof m === 'object' && m !== null && 'personId' in m && typeof m.personId === 'string'
      ? [m.personId]
      : [],
  );
  const members = [];
  for (const personId of ids) {
    const person = await ctx.work.load(ctx.officeId, 'person', personId);
    const live = person && !person.deleted ? person.data : undefined;
    const householdId = live?.householdId;
    members.push({
      personId,
      householdId: live ? (typeof householdId === 'string' ? householdId : null) : undefined,
      name: typeof live?.name === 'string' ? live.name : '',
    });
  }
  return refusal(householdMembershipIssues(state.id, members));
}

function refusal(issues: FieldError[]): AppErrorData | null {
  if (issues.length === 0) return null;
  return {
    code: 'validation',
    message: 'A person is in one household at a time, its head by their registered name.',
    fieldErrors: issues,
  };
}
