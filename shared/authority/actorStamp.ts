/**
 * Records that name who wrote them — a case's history event (`caseEvent.actorName`), a
 * resident's movement (`elderlyMovement.actorName`) — name the op's own actor as HQ's
 * accounts name them (the display name the desk's login writes), so a desk cannot put a
 * colleague's or the county's name on its own work. The name stays as written: a later
 * edit does not change it.
 */
import type { FieldError } from '../errors/appError';

export const actorNamedKinds: ReadonlySet<string> = new Set(['caseEvent', 'elderlyMovement']);

export function actorStampIssues(
  op: { op: string; fields: Record<string, unknown> },
  held: Record<string, unknown> | null,
  actorName: string,
): FieldError[] {
  if (!('actorName' in op.fields)) return [];
  const written = op.fields.actorName;
  if (op.op === 'create' || !held) {
    return written === actorName
      ? []
      : [{ path: 'actorName', code: 'actor.name_not_actor', params: { actor: actorName } }];
  }
  return written === held.actorName ? [] : [{ path: 'actorName', code: 'actor.name_fixed' }];
}
