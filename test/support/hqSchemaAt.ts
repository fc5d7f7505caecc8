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

/**
 * An older HQ in service with one office (o1, 城关镇) and one enrolled desk (desk-0001,
 * 一号机, last seq 4): the database brought up to `migration`, seeded and closed, for a
 * migration test to open with today's HQ and find its desk kept.
 */
export async function hqWithOneDeskAt(place: HqPlace, migration: string): Promise<void> {
  const old = await hqDatabaseAt(place, migration);
  try {
    await old
      .insertInto('offices')
      .values({ id: 'o1', name: '城关镇', created_at: '2026-12-01T00:00:00.000Z' })
      .execute();
    await old
      .insertInto('devices')
      .values({
        id: 'desk-0001',
        office_id: 'o1',
        name: '一号机',
        token_hash: 'x',
        public_key: null,
        enrolled_at: '2026-12-01T00:00:00.000Z',
        last_seq: 4,
        revoked: 0,
      })
      .execute();
  } finally {
    await old.destroy();
  }
}
