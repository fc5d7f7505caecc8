import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { hqMigrations } from '../../hq/src/db/migrations';
import type { HqTables } from '../../hq/src/db/schema';
import type { HqPlace } from './hqHarness';

const noKeyFile = {
  keyWrapping: () => Promise.reject(new Error('an older schema needs no key file')),
};

/**
 * HQ's database in a place brought up to one named migration and no further, as an
 * older HQ left it: each HQ migration test writes that schema's data into it, closes
 * it (`destroy`) and opens the place with today's HQ to upgrade it.
 */
export async function hqDatabaseAt(place: HqPlace, migration: string): Promise<Kysely<HqTables>> {
  const db = new Kysely<HqTables>({
    dialect: place.databaseUrl
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: place.databaseUrl, max: 1 }) })
      : new SqliteDialect({ database: new SqliteDatabase(join(place.dataDir, 'hq.sqlite')) }),
  });
  const schema = place.databaseUrl
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({
    db,
    provider: hqMigrations(noKeyFile),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateTo(migration);
  if (error) throw error;
  return db;
}
