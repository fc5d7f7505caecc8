import type { FieldMeta } from './merge';

/**
 * How a record's field meta is kept in the `field_meta` column. Most fields of a record
 * share one or two authors (a create gives every field the same one), and writing the
 * author out for each field made the column about seven times the size of the record's
 * data: the largest part of what a push batch wrote. So each author is written once and
 * fields name it by position:
 *
 *     [[{"hlc":…,"version":1,…}, …], {"name": 0, "idNumber": 0, …}]
 *
 * Rows written before, a plain `{"field": {…author…}}` object, are still read as they are.
 */
export function fieldMetaText(meta: Record<string, FieldMeta>): string {
  const byObject = new Map<FieldMeta, number>();
  const byText = new Map<string, number>();
  const authors: string[] = [];
  // No prototype: a field named like an Object.prototype member is kept as a field.
  const fields = Object.create(null) as Record<string, number>;
  for (const [field, author] of Object.entries(meta)) {
    let at = byObject.get(author);
    if (at === undefined) {
      const text = JSON.stringify(author);
      at = byText.get(text);
      if (at === undefined) {
        at = authors.length;
        authors.push(text);
        byText.set(text, at);
      }
      byObject.set(author, at);
    }
    fields[field] = at;
  }
  return `[[${authors.join(',')}],${JSON.stringify(fields)}]`;
}

/** The field meta of a `field_meta` text, in either form. Fields may share an author object. */
export function parseFieldMeta(text: string): Record<string, FieldMeta> {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return parsed as Record<string, FieldMeta>;
  const [authors, fields] = parsed as [FieldMeta[], Record<string, number>];
  return Object.fromEntries(
    Object.entries(fields).map(([field, at]) => {
      const author = authors[at];
      if (!author) throw new Error(`field_meta names author ${at} of ${authors.length}.`);
      return [field, author];
    }),
  );
}
