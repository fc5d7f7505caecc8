import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { HqPlace } from '../support/hqHarness';

/**
 * The province pull's SQL (provincePull.ts): one office's changes and records copied to
 * other offices beside the HQ that serves them, and the checks that the copies are
 * offices HQ could go on serving.
 */

/** Plain SQL on the place HQ serves, beside HQ (SQLite's WAL lets a second writer wait). */
export interface Sql {
  run: (statement: string) => Promise<void>;
  rows: <R>(statement: string) => Promise<R[]>;
  close: () => Promise<void>;
}

export async function openSql(place: HqPlace): Promise<Sql> {
  if (place.databaseUrl) {
    const client = new pg.Client({ connectionString: place.databaseUrl });
    await client.connect();
    return {
      run: async (statement) => void (await client.query(statement)),
      rows: async <R>(statement: string) => (await client.query(statement)).rows as R[],
      close: () => client.end(),
    };
  }
  const sqlite = new SqliteDatabase(join(place.dataDir, 'hq.sqlite'), { timeout: 60_000 });
  return {
    run: async (statement) => void sqlite.exec(statement),
    rows: async <R>(statement: string) => sqlite.prepare(statement).all() as R[],
    close: async () => void sqlite.close(),
  };
}

const changesPerStatement = 500;

/**
 * Copies the template office's changes after `fromSeq` (up to `toSeq`) and its records
 * to each office of `targets`, numbered after each office's own changes. Each statement
 * takes 500 of the template's changes for every office at once, in (change, office)
 * order, so that the offices' rows interleave in the table as a county's would.
 * The ids are the runner's own (`330102NNN`): no quoting is needed.
 */
export async function copyOffice(
  sql: Sql,
  template: string,
  targets: string[],
  fromSeq: number,
  toSeq: number,
  log: (line: string) => void,
): Promise<void> {
  const streams = await sql.rows<{ id: string; seq: number | string }>(
    `select id, seq from streams where id like 'office:%'`,
  );
  const seqOf = new Map(streams.map((s) => [s.id, Number(s.seq)]));
  const offsets = targets
    .map((office) => `('${office}', ${(seqOf.get(`office:${office}`) ?? 0) - fromSeq})`)
    .join(', ');
  const officeField = (office: string) => `'"officeId":"' || ${office} || '"'`;
  const fromTemplate = `'"officeId":"${template}"'`;
  for (let from = fromSeq; from < toSeq; from += changesPerStatement) {
    const to = Math.min(toSeq, from + changesPerStatement);
    await sql.run(
      `insert into changes (stream, seq, kind, record_id, snapshot, op_id, reason, created_at)
       select 'office:' || o.column1, o.column2 + c.seq, c.kind, c.record_id,
              replace(c.snapshot, ${fromTemplate}, ${officeField('o.column1')}),
              null, c.reason, c.created_at
       from changes c cross join (values ${offsets}) as o
       where c.stream = 'office:${template}' and c.seq > ${from} and c.seq <= ${to}
       order by c.seq, o.column1`,
    );
    if (((from - fromSeq) / changesPerStatement) % 20 === 19)
      log(`province: copied ${to - fromSeq} of ${toSeq - fromSeq} changes to each office`);
  }
  // The records the copied changes left (not the template desks' own first-run records:
  // the office id is the row's column, never inside its data).
  const names = targets.map((office) => `('${office}')`).join(', ');
  await sql.run(
    `insert into records (kind, id, office_id, version, hlc, deleted, data, field_meta,
                          created_at, created_by, updated_at, updated_by)
     select r.kind, r.id, o.column1, r.version, r.hlc, r.deleted, r.data, r.field_meta,
            r.created_at, r.created_by, r.updated_at, r.updated_by
     from records r cross join (values ${names}) as o
     where r.office_id = '${template}'
       and exists (select 1 from changes c
                   where c.stream = 'office:${template}' and c.seq > ${fromSeq}
                     and c.seq <= ${toSeq} and c.kind = r.kind and c.record_id = r.id)`,
  );
  const list = targets.map((office) => `'office:${office}'`).join(', ');
  await sql.run(`update streams set seq = seq + ${toSeq - fromSeq} where id in (${list})`);
}

export const streamSeq = async (sql: Sql, office: string) =>
  Number(
    (
      await sql.rows<{ seq: number | string }>(
        `select seq from streams where id = 'office:${office}'`,
      )
    )[0]?.seq ?? 0,
  );

/**
 * Every office holds the template's copied changes after its own, numbered without a gap
 * up to its stream's counter, with a record for each: HQ's invariants, so that the
 * copies are offices HQ could go on serving and taking pushes for.
 */
export async function checkCopies(sql: Sql, offices: string[], copied: number): Promise<void> {
  const rows = await sql.rows<{
    id: string;
    seq: number | string;
    n: number | string;
    top: number | string | null;
    records: number | string;
  }>(
    `select s.id, s.seq,
            (select count(*) from changes c where c.stream = s.id) as n,
            (select max(c.seq) from changes c where c.stream = s.id) as top,
            (select count(*) from records r where 'office:' || r.office_id = s.id) as records
     from streams s where s.id in (${offices.map((o) => `'office:${o}'`).join(', ')})`,
  );
  if (rows.length !== offices.length) throw new Error('province: an office has no stream');
  for (const row of rows) {
    const [seq, n, top] = [Number(row.seq), Number(row.n), Number(row.top ?? 0)];
    if (n !== seq || top !== seq || n < copied || Number(row.records) < copied)
      throw new Error(
        `province: ${row.id} holds ${n} changes up to ${top}, counter ${seq}, ${row.records} records (copied ${copied})`,
      );
  }
}
