import type { DeskDatabase } from '../../../renderer/src/db/database';
import { write } from '../../../renderer/src/db/writePath';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { personInput, residentId } from '../../fakes/deskFixtures';

/** The i-th of a few distinct people (born 1950 + i, sequence 01i: male), written as the registry does. */
export async function registerNth(db: DeskDatabase, ctx: WriteContext, i: number) {
  const birthDate = `${1950 + i}-03-0${(i % 9) + 1}`;
  const fields = personInput({
    name: `备份${i}`,
    idNumber: residentId('330102', birthDate, `0${10 + i}`.slice(-3)),
    birthDate,
    sex: 'male',
    workCapacity: 'none',
  });
  return write(db, ctx, (w) => w.create('person', { ...fields, householdId: null }));
}

/** Three of the words typed back, as the setup dialog asks. */
export function typedBack(words: readonly string[]): Record<number, string> {
  return { 0: words[0] ?? '', 7: words[7] ?? '', 23: words[23] ?? '' };
}
