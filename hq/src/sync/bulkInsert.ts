import { CompiledQuery, type Kysely } from 'kysely';
import type { HqTables } from '../db/schema';

/**
 * Multi-row INSERTs for a push batch's rows (records, change-log rows, op results),
 * written as SQL text and run as a compiled query. Kysely's builder turns each value of
 * a 400-row insert into nodes and compiles them back to text: for a batch of thousands
 * of ops that was a tenth of HQ's work. Tables and columns here are constants of HQ's
 * schema, never input; the values are always parameters. The text is the same on
 * SQLite and PostgreSQL apart from the placeholders.
 */
export async function insertRows(
  trx: Kysely<HqTables>,
  table: keyof HqTables,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  /** An `on conflict …` clause, or none. */
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const numbered = usesNumberedPlaceholders(trx);
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`A ${table} row has the wrong width.`);
    const marks = row.map((value) => {
      parameters.push(value);
      return numbered ? `$${parameters.length}` : '?';
    });
    tuples.push(`(${marks.join(',')})`);
  }
  const text = `insert into ${quoted(table)} (${columns.map(quoted).join(',')}) values ${tuples.join(',')}${onConflict ? ` ${onConflict}` : ''}`;
  await trx.executeQuery(CompiledQuery.raw(text, parameters));
}

/** `on conflict (keys) do update set` every other column to the incoming row's value. */
export function replaceOnConflict(keys: readonly string[], columns: readonly string[]): string {
  const set = columns
    .filter((column) => !keys.includes(column))
    .map((column) => `${quoted(column)} = excluded.${quoted(column)}`);
  return `on conflict (${keys.map(quoted).join(',')}) do update set ${set.join(', ')}`;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** PostgreSQL numbers its placeholders ($1, $2 …), SQLite does not (?): ask the dialect. */
function usesNumberedPlaceholders(trx: Kysely<HqTables>): boolean {
  return trx.selectFrom('streams').select('id').where('id', '=', '').compile().sql.includes('$1');
}
