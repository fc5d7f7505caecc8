import { personCopyIssues, personNameCopies } from '@shared/authority/personCopies';
import type { AppErrorData } from '@shared/errors/appError';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { AuthorityContext } from './context';
import { registryNamesAtHq } from './copyRefreshFacts';
import type { Authorized } from './opAuthority';

/**
 * A resident's or a volunteer's copy of a person's name, judged on the merged record
 * with HQ's registry: on a create, and on an edit that changes the person or the copy
 * (a copy left as it stands is not judged again).
 */
export async function personCopyAuthority(
  ctx: AuthorityContext,
  op: QueueEntry,
): Promise<Authorized> {
  const fields = personNameCopies[op.kind];
  if (!fields || op.op === 'delete' || op.op === 'transition') return { change: op };
  const [personField, nameField] = fields;
  const current = await ctx.work.load(ctx.officeId, op.kind, op.recordId);
  const renames =
    op.op === 'create' ||
    [personField, nameField].some((f) => f in op.fields && op.fields[f] !== current?.data[f]);
  if (!renames) return { change: op };
  return {
    change: op,
    checkMerged: async (state): Promise<AppErrorData | null> => {
      const names = await registryNamesAtHq(ctx, state.data[personField]);
      const issues = personCopyIssues(state.data[nameField], names, {
        person: personField,
        unknown: 'person.not_registered',
        path: nameField,
        name: 'person.name_not_registry',
      });
      return issues.length > 0
        ? { code: 'validation', message: "A copy of the registry's name.", fieldErrors: issues }
        : null;
    },
  };
}
