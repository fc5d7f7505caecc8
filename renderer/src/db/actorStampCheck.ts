import { actorNamedKinds, actorStampIssues } from '@shared/authority/actorStamp';
import type { RecordKind } from '@shared/records/kinds';
import { invalid } from '@shared/validation/fieldErrors';

/**
 * A record that names its writer (a case's history event, a resident's movement) names
 * the actor who writes it, and keeps that name: HQ's rule (shared/authority/actorStamp.ts),
 * checked by the write path too, so that an edited page's forged name fails at the desk,
 * not only at HQ. Throws the validation error HQ would answer with.
 */
export function checkActorStamp(
  kind: RecordKind,
  op: 'create' | 'update',
  fields: object,
  held: Record<string, unknown> | null,
  actorName: string,
): void {
  if (!actorNamedKinds.has(kind)) return;
  const issues = actorStampIssues(
    { op, fields: fields as Record<string, unknown> },
    held,
    actorName,
  );
  if (issues.length > 0) throw invalid(kind, issues);
}
