import type { Kysely } from 'kysely';
import type { HqTables } from '../../db/schema';

/** The most package lines an office page lists (newest first). */
const packagePage = 100;

export interface PackageLine {
  packageId: string;
  direction: 'in' | 'out';
  deviceId: string | null;
  number: number;
  fileName: string;
  at: string;
  /** What the import did or what the written package carries (importSummary, returnPackage). */
  summary: unknown;
}

/** The packages HQ imported from the office's desks and wrote for it, newest first. */
export async function officePackages(
  db: Kysely<HqTables>,
  officeId: string,
): Promise<PackageLine[]> {
  const rows = await db
    .selectFrom('packages')
    .select(['package_id', 'direction', 'device_id', 'number', 'file_name', 'at', 'summary'])
    .where('office_id', '=', officeId)
    .orderBy('at', 'desc')
    .limit(packagePage)
    .execute();
  return rows.map((row) => ({
    packageId: row.package_id,
    direction: row.direction,
    deviceId: row.device_id,
    number: Number(row.number),
    fileName: row.file_name,
    at: row.at,
    summary: JSON.parse(row.summary) as unknown,
  }));
}
