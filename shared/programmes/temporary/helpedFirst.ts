/**
 * Help handed over first (先行救助) IS the 临时救助 case's one-off payment (payment.ts),
 * checked against the emergency kind and the township's limit on the day it was given.
 * After it, while the paperwork follows, a correction may not change the amount or the
 * kind: the record of what was handed over would no longer be what was handed over (and
 * a raised amount would be cash given beyond what the township may give). Other facts
 * (the description, the event) stay correctable. The same at the desk and at HQ.
 */
import type { FieldError } from '../../errors/appError';
import { temporaryFactsOf } from './facts';

const fixedAfterHelp = ['kind', 'proposedFen'] as const;

export function helpedFirstEditIssues(
  current: { helpedFirstOn?: string | null; programmeFacts?: unknown },
  fields: Record<string, unknown>,
): FieldError[] {
  if (!current.helpedFirstOn || !('programmeFacts' in fields)) return [];
  const before = temporaryFactsOf(current.programmeFacts);
  const after = temporaryFactsOf(fields.programmeFacts);
  if (!before || !after) return []; // not 临时救助's facts: the schema check names it
  return fixedAfterHelp
    .filter((f) => before[f] !== after[f])
    .map((f) => ({
      path: `programmeFacts.${f}`,
      code: 'temporary.helped_first_fixed',
      params: { helpedFirstOn: current.helpedFirstOn ?? '' },
    }));
}
