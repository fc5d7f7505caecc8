import type { Transaction } from 'dexie';
import { nameHeadOf } from '../atRest/derivedIndexFields';
import type { SchemaVersion } from '../schema';
import { modifyBare } from './bareUpgrade';

/**
 * Schema version 17: the persons list filtered by a surname reads the surname's persons
 * in the order of the sorted column from an index (`[nameHead+birthDate]`,
 * `[nameHead+updatedAt]`; by name or unsorted the name index already is in order), so a
 * page opens only its own rows instead of every match (docs/performance.md, "Persons
 * table"). `nameHead` is a field the store derives as it writes a row
 * (atRest/derivedIndexFields.ts).
 *
 * The upgrade fills it into the persons already stored. It runs before the data key is
 * loaded, on the rows as IndexedDB holds them (the transaction's own object store, below
 * Dexie's middleware): the name is a clear field, and a derived field is not part of the
 * seal's binding, so sealed rows stay sealed and still open. Never edited once shipped.
 */
export const nameHeadSchemaVersion: SchemaVersion = {
  version: 17,
  stores: {
    persons:
      'id, idNumber, householdId, *searchTokens, updatedAt, *idTails, name, birthDate, *idPrefixes, [nameHead+birthDate], [nameHead+updatedAt]',
  },
  upgrade: fillNameHeads,
};

function fillNameHeads(tx: Transaction): Promise<void> {
  return modifyBare(
    tx,
    'persons',
    (row) => {
      const head = nameHeadOf(row.name);
      return head !== undefined && row.nameHead !== head ? { ...row, nameHead: head } : undefined;
    },
    { sealedRows: true },
  );
}
