import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { HqConfig } from '../config';
import { checkKeyFile } from '../store/hqKeys';
import { createKeyFile, keyWrapping, readKeyFile, type KeyWrapping } from '../store/keyWrapping';
import { hqMigrations, latestHqSchemaVersion } from './migrations';
import { ensurePrivateDir, ensurePrivateFile, narrowIfPresent } from './privateFiles';
import type { HqTables } from './schema';

export type StorageKind = 'sqlite' | 'postgres';

export interface HqDatabase {
  db: Kysely<HqTables>;
  storage: StorageKind;
  schemaVersion: number;
  /** Opens HQ's private keys in the database (the key file, HQ_KEY_FILE). */
  keyWrapping: KeyWrapping;
  close: () => Promise<void>;
}

/** The key file's place unless HQ_KEY_FILE names another. */
export const defaultKeyFile = (dataDir: string) => join(dataDir, 'hq.key');

/**
 * Opens HQ's storage and brings its schema up to date: PostgreSQL when a URL is
 * configured (for scale: several HQ processes share it), else embedded SQLite in WAL
 * mode under the data directory. Then the key file: it must open the keys the
 * database holds (or HQ refuses to start), and is made when the database holds none.
 */
export async function openHqDatabase(
  config: Pick<HqConfig, 'dataDir' | 'databaseUrl'> & { keyFile?: string },
): Promise<HqDatabase> {
  const storage: StorageKind = config.databaseUrl ? 'postgres' : 'sqlite';
  const keyFile = config.keyFile ?? defaultKeyFile(config.dataDir);
  const found = await readKeyFile(keyFile);
  let wrapping = found ? keyWrapping(keyFile, found) : null;
  const make = async () => keyWrapping(keyFile, await createKeyFile(keyFile));
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
    provider: hqMigrations({ keyWrapping: async () => (wrapping ??= await make()) }),
    ...(storage === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  // Kysely runs SQLite migrations outside any transaction and without a lock, so two
  // processes starting at once (the server and an admin command) both migrated, and a
  // crash mid-migration left a half-changed file. On SQLite the whole run is ONE
  // exclusive transaction; the other process waits (busy timeout), then finds it done.
  // Text a migration replaces is overwritten in the file, not left in free pages (the
  // clear private keys schema 5 seals).
  sqlite?.pragma('secure_delete = ON');
  sqlite?.exec('BEGIN IMMEDIATE');
  const { error, results } = await migrator.migrateToLatest();
  sqlite?.exec(error ? 'ROLLBACK' : 'COMMIT');
  sqlite?.pragma('secure_delete = OFF');
  try {
    if (error) {
      throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
    }
    if (results?.some((r) => r.status === 'Success')) await afterMigrating(db, sqlite);
    wrapping = await checkKeyFile(db, keyFile, wrapping, make);
  } catch (failure) {
    await db.destroy();
    throw failure;
  }
  return {
    db,
    storage,
    schemaVersion: latestHqSchemaVersion,
    keyWrapping: wrapping,
    close: () => db.destroy(),
  };
}

/**
 * After a migration ran, what it replaced is gone from the files too: SQLite's WAL
 * (which may hold the old pages) is checkpointed into the main file and emptied;
 * PostgreSQL rewrites hq_meta without its dead rows.
 */
async function afterMigrating(
  db: Kysely<HqTables>,
  sqlite: SqliteDatabase.Database | null,
): Promise<void> {
  if (sqlite) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  else await sql`vacuum full hq_meta`.execute(db);
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
  // 0700 and 0600: the records are people's; SQLite gives its -wal and -shm files the
  // database file's mode, and those left by older installs are narrowed too.
  ensurePrivateDir(dataDir);
  const file = join(dataDir, 'hq.sqlite');
  ensurePrivateFile(file);
  narrowIfPresent(`${file}-wal`);
  narrowIfPresent(`${file}-shm`);
  const sqlite = new SqliteDatabase(file);
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
