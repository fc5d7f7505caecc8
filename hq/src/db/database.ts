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
  const sqlite = config.databaseUrl ? null : openSqlite(config.dataDir);
  const db = new Kysely<HqTables>({
    dialect: sqlite
      ? new SqliteDialect({ database: keepingStatements(sqlite) })
      : new PostgresDialect({
          pool: new pg.Pool({ connectionString: config.databaseUrl ?? '', max: 10 }),
        }),
  });
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(storage === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  // Kysely runs SQLite migrations outside any transaction and without a lock, so two
  // processes starting at once (the server and an admin command) both migrated, and a
  // crash mid-migration left a half-changed file. On SQLite the whole run is ONE
  // exclusive transaction; the other process waits (busy timeout), then finds it done.
  sqlite?.exec('BEGIN IMMEDIATE');
  const { error } = await migrator.migrateToLatest();
  sqlite?.exec(error ? 'ROLLBACK' : 'COMMIT');
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
  }
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

/** How many prepared statements an SQLite connection keeps (least recently used go). */
const keptStatements = 256;

/**
 * The SQLite connection as Kysely sees it, with its prepared statements kept: Kysely
 * prepares every query anew, and a batch of ops runs the same few statements for each
 * op, so preparing them was a large share of applying a push or a package. One
 * connection runs one query at a time (Kysely's mutex), so a kept statement is never
 * in use twice at once.
 */
function keepingStatements(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > keptStatements) kept.delete(kept.keys().next().value ?? '');
      return statement;
    },
  };
}
