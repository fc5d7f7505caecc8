/**
 * Index fields the store works out from a row's own clear fields as it writes the row
 * (rowCodec.ts), so an index can hold what no record field holds. They are the store's
 * business, not the record's: never in a record read back, never synced, and recomputed
 * on every write whatever a caller put there.
 *
 * A derived field is not part of the seal's binding (bindingOf): it is bound through the
 * clear fields it is made from, and a row whose derived value does not match them is
 * refused as it is read, like a row whose seal does not open. That is what lets a schema
 * upgrade fill a new derived field into rows already sealed, without the data key
 * (tables/nameHeadTables.ts).
 *
 * - `nameHead`: the first character of a person's name (lower-cased, as the name's search
 *   token is). With a sort column and the id it makes the compound indexes
 *   `[nameHead+birthDate+id]` and `[nameHead+updatedAt+id]` (schema v19; v17 had them
 *   without the id), which read one surname's persons already in order: the
 *   persons list filtered by a surname pages through the index instead of sorting every
 *   match in memory (repositories/grid/surnamePage.ts).
 */
import type { DBCore, Middleware } from 'dexie';

type Row = Readonly<Record<string, unknown>>;

export const derivedIndexFields: Readonly<Record<string, (row: Row) => unknown>> = {
  nameHead: (row) => nameHeadOf(row.name),
};

export function isDerivedIndexField(field: string): boolean {
  return Object.hasOwn(derivedIndexFields, field);
}

/** A name's first character (a whole code point), lower-cased; undefined for no name. */
export function nameHeadOf(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const first = name.trim().codePointAt(0);
  return first === undefined ? undefined : String.fromCodePoint(first).toLowerCase();
}

/**
 * A row with `fields` worked out afresh from its own clear fields: whatever a caller put
 * in a derived field is dropped first, so no write can plant a value the row does not
 * bear out. `row` itself is not changed.
 */
export function withDerivedFields(row: Row, fields: readonly string[]): Record<string, unknown> {
  const planted = Object.keys(derivedIndexFields).some((field) => Object.hasOwn(row, field));
  // A copy by spread where nothing is to drop (every write): it runs for each row put.
  const out = planted
    ? Object.fromEntries(Object.entries(row).filter(([field]) => !isDerivedIndexField(field)))
    : { ...row };
  fillDerivedFields(out, fields);
  return out;
}

/** Sets `fields` on a row being stored, from the clear fields it already holds. */
export function fillDerivedFields(
  stored: Record<string, unknown>,
  fields: readonly string[],
): void {
  for (const field of fields) {
    const value = derivedIndexFields[field]?.(stored);
    if (value !== undefined) stored[field] = value;
  }
}

/**
 * The derived fields added to every row put, just above Dexie's live-query layer (its
 * observability middleware, level 0): a live query learns which index keys a write
 * touches from the rows as that layer sees them, so a surname's list hears of a person
 * added to it only if `nameHead` is already there. Below, a sealed store's codec works
 * the fields out again (ignoring a caller's value) and drops them from rows read; a store
 * that seals nothing (the bench's raw baselines, which must write the same index
 * entries as a desk) reads them back with the row.
 *
 * What it cannot give: the row a write replaces reaches that layer as the store reads it,
 * without derived fields, so a person renamed out of a surname is heard of only where
 * the list read that person (its page), not as a change of the surname's total.
 */
export function derivedFieldsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'DerivedIndexFields',
    level: 0.5,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const fields = table.schema.indexes
          .flatMap((index) => index.keyPath ?? [])
          .flat()
          .filter(isDerivedIndexField);
        if (fields.length === 0) return table;
        // A row already bearing its derived values goes down as it is (the same object: a
        // row sealed ahead is known by its identity, preSeal.ts).
        const borne = (row: Row) =>
          fields.every((field) => row[field] === derivedIndexFields[field]?.(row));
        const withDerived = (row: unknown): unknown =>
          typeof row === 'object' && row !== null && !borne(row as Row)
            ? withDerivedFields(row as Row, fields)
            : row;
        return {
          ...table,
          mutate: (req) =>
            req.type === 'add' || req.type === 'put'
              ? table.mutate({ ...req, values: req.values.map(withDerived) })
              : table.mutate(req),
        };
      },
    }),
  };
}
