import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { HqConfig } from '../config';
import { latestHqSchemaVersion, migrationProvider } from './migrations';
import type { HqTables } from './schema';

export type StorageKind = 'sqlite' | 'postgres';

export interface HqDatabase {
  db: Kysely<HqTables>;
  storage: StorageKind;
  schemaVersion: number;
  close: () => Promise<void>;
}

/**
 * Opens HQ's storage and brings its schema up to date: PostgreSQL when a URL is
 * configured (for scale: several HQ processes share it), else embedded SQLite in WAL
 * mode under the data directory.
 */
export async function openHqDatabase(
  config: Pick<HqConfig, 'dataDir' | 'databaseUrl'>,
): Promise<HqDatabase> {
  const storage: StorageKind = config.databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<HqTables>({
    dialect: config.databaseUrl
      ? new PostgresDialect({
          pool: new pg.Pool({ connectionString: config.databaseUrl, max: 10 }),
        })
      : new SqliteDialect({ database: openSqlite(config.dataDir) }),
  });
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
    ...(storage === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
  }
  void results;
  return {
    db,
    storage,
    schemaVersion: latestHqSchemaVersion,
    close: () => db.destroy(),
  };
}

/**
 * The schema HQ's tables go to (the first of the URL's search_path). The migrator is
 * told it by name: left to itself it takes any schema's migration table for its own.
 */
async function currentSchema(db: Kysely<HqTables>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  return rows[0]?.schema ?? undefined;
}

function openSqlite(dataDir: string): SqliteDatabase.Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, 'hq.sqlite'));
  // WAL: readers never block the writer; a crash loses no committed transaction.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
