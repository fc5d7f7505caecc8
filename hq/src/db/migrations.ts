import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { sealPlainKeys } from '../store/hqKeys';
import type { KeyWrapping } from '../store/keyWrapping';

/** What a migration may need besides the database: the key file (made on first use). */
export interface MigrationContext {
  keyWrapping: () => Promise<KeyWrapping>;
}

/**
 * Migrations, identical for SQLite and PostgreSQL. Append new ones; never edit one
 * that has shipped. The number of applied migrations is the schema version /health
 * reports.
 */
const migrationsFor = (context: MigrationContext): Record<string, Migration> => ({
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('offices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('streams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('enrollment_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text')
        .addColumn('enrolled_at', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('records')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('field_meta', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['kind', 'id'])
        .execute();
      await db.schema.createIndex('records_office').on('records').columns(['office_id']).execute();
      await db.schema
        .createTable('changes')
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('op_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('changes_pk', ['stream', 'seq'])
        .execute();
      await db.schema
        .createTable('applied_ops')
        .addColumn('op_id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('hq_meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into streams (id, seq) values ('reference', 0)`.execute(db);
    },
  },
  // A record is an office's: records with a fixed id (every office's 'office-settings')
  // exist once per office, so the key is (office, kind, id), not (kind, id).
  '0002_records_per_office': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('records_per_office')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('field_meta', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_per_office_pk', ['office_id', 'kind', 'id'])
        .execute();
      await sql`insert into records_per_office
        select kind, id, office_id, version, hlc, deleted, data, field_meta,
               created_at, created_by, updated_at, updated_by
        from records`.execute(db);
      await db.schema.dropTable('records').execute();
      await db.schema.alterTable('records_per_office').renameTo('records').execute();
      // Which offices hold an id (the request-level 403 check, county decisions by case id).
      await db.schema
        .createIndex('records_kind_id')
        .on('records')
        .columns(['kind', 'id'])
        .execute();
    },
  },
  // Corrections keep their reason in the change log, so every desk's history shows why
  // each version replaced the one before (not only the desk that made the correction).
  '0003_change_reason': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('changes').addColumn('reason', 'text').execute();
    },
  },
  // Sync packages (issue #5): the device's encryption key (its signing key is
  // public_key), what HQ imported from each device and knows it holds, HQ's own count of
  // packages per office, and every package imported or written.
  '0004_sync_packages': {
    async up(db: Kysely<unknown>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('devices').addColumn('encryption_key', 'text').execute();
      for (const column of ['package_number', 'cursor_office', 'cursor_reference']) {
        await db.schema
          .alterTable('devices')
          .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      }
      await db.schema
        .alterTable('offices')
        .addColumn('package_number', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('packages')
        .addColumn('package_id', 'text', (c) => c.primaryKey())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text')
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('packages_office')
        .on('packages')
        .columns(['office_id', 'direction', 'number'])
        .execute();
    },
  },
  // HQ's own secrets (issue #11): the private package keys were stored in the clear in
  // hq_meta, so any copy of the database gave them away. They are sealed with the key
  // file (HQ_KEY_FILE), which is kept outside the database; the clear text is replaced.
  '0005_sealed_hq_keys': {
    async up(db: Kysely<unknown>) {
      const { rows } = await sql<{
        value: string;
      }>`select value from hq_meta where key = 'package_keys'`.execute(db);
      const value = rows[0]?.value;
      if (value === undefined) return;
      const sealed = await sealPlainKeys(value, await context.keyWrapping());
      if (sealed === null) return;
      await sql`update hq_meta set value = ${sealed} where key = 'package_keys'`.execute(db);
    },
  },
  // HQ's authority (issue #11): from now on every op's actor must be an account HQ holds.
  // Desks enrolled before this moment may still send ops they queued before it under
  // accounts HQ has not heard of yet (they arrive ahead of the accounts); the moment is
  // kept so those, and only those, are judged without the account (authority/actor.ts).
  '0006_authority_since': {
    async up(db: Kysely<unknown>) {
      await sql`insert into hq_meta (key, value) values ('authority_since', ${new Date().toISOString()})`.execute(
        db,
      );
    },
  },
  // A record's past states (issue #12): HQ reads one person's earlier names when a desk
  // copies one (authority/copyRefreshFacts.ts), and an account as it stood at an op's
  // clock (authority/actor.ts). Without this index each read scanned the office's whole
  // change log: a 100,000-op package took minutes instead of seconds. `seq` is in it so
  // the read's order comes from the index too (else SQLite walks the primary key, in seq
  // order, through the whole stream).
  '0007_changes_by_record': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('changes_by_record')
        .on('changes')
        .columns(['stream', 'kind', 'record_id', 'seq'])
        .execute();
    },
  },
  // The county console (issue #14): county staff accounts (argon2id hashes, a role, a
  // lock after wrong passwords), their browser sessions (only a hash of the session id
  // is kept, so a copy of the database opens no session) and the audit log of every
  // console action: who, when, what, on what, with which result.
  '0008_county_console': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('console_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('console_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('console_users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('console_sessions_user')
        .on('console_sessions')
        .columns(['user_id'])
        .execute();
      await db.schema
        .createTable('console_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('console_audit_at').on('console_audit').columns(['at']).execute();
    },
  },
  // 抽查 (issue #14): the county draws a random share of the cases townships confirmed under
  // delegation to look at again; each draw is kept with who drew it, when, at which share
  // and out of how many, and the cases it took.
  '0009_spot_checks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('spot_checks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('drawn_at', 'text', (c) => c.notNull())
        .addColumn('drawn_by', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('population', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('spot_check_cases')
        .addColumn('check_id', 'text', (c) => c.notNull().references('spot_checks.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('spot_check_cases_pk', ['check_id', 'case_id'])
        .execute();
    },
  },
  // Reference data in the console (issue #14): who published each version of a standard,
  // calendar year, delegation or rule. The change log's snapshot of a calendar year names
  // only 'county' (a year is one record, updated), so its earlier publishers were lost;
  // one row per reference change HQ makes, keyed by its place in the reference stream.
  '0010_reference_publishers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reference_publishers')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Offices in the console (issue #14): when HQ last heard from each desk (a push, a
  // pull or an imported package, and which) and what the desk last reported of itself
  // with a pull: changes queued, conflicts open. Shown to the county, used for nothing
  // else (a desk could say anything). Null until the desk's first contact after this.
  '0011_desk_contact': {
    async up(db: Kysely<unknown>) {
      for (const [column, type] of [
        ['last_contact_at', 'text'],
        ['last_contact_via', 'text'],
        ['reported_at', 'text'],
        ['reported_queued', 'integer'],
        ['reported_conflicts', 'integer'],
      ] as const) {
        await db.schema.alterTable('devices').addColumn(column, type).execute();
      }
    },
  },
  // The access record's chain (issue #16 item 3, shared/accessChain/seal.ts): each desk's
  // chain key (the first it presented; never replaced) and the last entry HQ holds of its
  // chain; every break HQ found in it (an entry edited or removed, the chain cut back, a
  // key changed), for the county to see.
  '0012_access_chains': {
    async up(db: Kysely<unknown>) {
      for (const [column, type] of [
        ['chain_key', 'text'],
        ['chain_seq', 'integer'],
        ['chain_seal', 'text'],
      ] as const) {
        await db.schema.alterTable('devices').addColumn(column, type).execute();
      }
      await db.schema
        .createTable('access_chain_breaks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('missing_from', 'integer')
        .addColumn('missing_to', 'integer')
        .addColumn('found_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('access_chain_breaks_device')
        .on('access_chain_breaks')
        .columns(['office_id', 'device_id'])
        .execute();
    },
  },
});

export const hqMigrations = (context: MigrationContext): MigrationProvider => ({
  getMigrations: async () => migrationsFor(context),
});

export const latestHqSchemaVersion = Object.keys(
  migrationsFor({
    keyWrapping: () => Promise.reject(new Error('Counting migrations needs no key file.')),
  }),
).length;
