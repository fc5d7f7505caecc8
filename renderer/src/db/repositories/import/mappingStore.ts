import type { DeskDatabase } from '../../database';

/**
 * The column mapping a user adjusted, remembered per office and roster type as
 * field → heading text. Kept in the desk's own meta table (one desk database is one
 * office), not as a synced record: it is how this desk reads this office's sheets, HQ
 * has no use for it, and a settings kind would need an HQ schema and authority rule
 * for a preference. Another desk of the office starts from the recognised headings.
 */
const keyOf = (rosterType: string) => `import.mapping.${rosterType}`;

export async function loadRememberedMapping(
  db: DeskDatabase,
  rosterType: string,
): Promise<Record<string, string>> {
  const row = await db.meta.get(keyOf(rosterType));
  const value = row?.value;
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

export async function rememberMapping(
  db: DeskDatabase,
  rosterType: string,
  headings: Record<string, string>,
): Promise<void> {
  await db.meta.put({ key: keyOf(rosterType), value: headings });
}
