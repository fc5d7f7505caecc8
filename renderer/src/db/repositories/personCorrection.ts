import type { PersonInput } from '@shared/domain/person';
import { invalid } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../database';
import { write } from '../writePath';
import type { WriteContext } from '../writeContext';
import { refreshPersonCopies } from './personCopies';
import type { Person } from './persons';

/** Everything about a person a correction may change (the household is the household's). */
export type PersonCorrection = Omit<PersonInput, 'householdId'>;

/**
 * 更正: a person's facts, ID number included, changed as an update with a reason. The
 * superseded version is kept (person keeps revisions); an ID number another person
 * holds is refused by the write path's duplicate check (invariants.ts); every record
 * copying the person's name, sex or birth date follows in the same transaction
 * (personCopies.ts). No reason: nothing is written.
 */
export async function correctPerson(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  fields: PersonCorrection,
  reason: string,
): Promise<Person> {
  if (!reason.trim()) {
    throw invalid('person', [{ path: 'reason', code: 'record.correction_reason_required' }]);
  }
  return write(db, ctx, async (w) => {
    const person = await w.update('person', id, baseVersion, fields, { reason });
    await refreshPersonCopies(db, w, person, reason);
    return person;
  });
}
