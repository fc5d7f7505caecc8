/**
 * The at-rest middleware: the lowest layer of Dexie's stack (closest to IndexedDB), so
 * every layer above it — hooks, live queries, the write path, every repository — sees
 * plain rows, and IndexedDB sees only sealed ones (rowCodec.ts). It seals what is put,
 * opens what is read (gets, queries, cursors; many rows read alone with WebCrypto:
 * openAsync.ts), and turns a query on an ID-number index into its keyed tokens
 * (tokenQuery.ts).
 *
 * Which tables: `sealedTables`; and in `meta`, the rows named in `sealedMetaKeys`
 * (sealedMetaKeys.ts). Reference data (standards, calendars, rules), the office's
 * buildings and beds, package bookkeeping and the other meta rows stay clear.
 */
import Dexie, {
  type DBCore,
  type DBCoreCursor,
  type DBCoreQuery,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { AtRestKeys } from '@shared/atRest/cipher';
import { openAsyncFrom, openRowsAsync, opensLater } from './openAsync';
import { isPreSealedFor } from './preSeal';
import { lockedError, rowCodecOf } from './rowCodec';
import { sealedMetaKeys } from './sealedMetaKeys';
import { sealedMutate } from './sealedMutate';
import { tokenQuery } from './tokenQuery';

/** The tables holding personal data: every row sealed. */
export const sealedTables: ReadonlySet<string> = new Set([
  'persons',
  'households',
  'cases',
  'caseEvents',
  'users',
  'staff',
  'accessLog',
  'syncConflicts',
  'rejectedOps',
  'refusedChanges',
  'queue',
  'drafts',
  'revisions',
  'communityServices',
  'volunteers',
  'volunteerServices',
  'volunteerCertificates',
  'elderlyResidents',
  'elderlyAssessments',
  'elderlyContracts',
  'elderlyStays',
  'elderlyMovements',
  'elderlyHomeCareVisits',
  'medicalCoverages',
  'payeeAccounts',
  'paymentRolls',
  'rollUnpaid',
  'benefitRecomputations',
]);

/** Where the middleware finds the current keys (null while the store is locked). */
export interface KeyHolder {
  keys: AtRestKeys | null;
  /**
   * True once the store is known sealed throughout (its key id is written): a row
   * without a seal is then one put into the profile by someone without the key, and
   * reading it fails rather than passing it off as the desk's own.
   */
  allSealed?: boolean;
  /**
   * The listed meta keys this store records as sealed (its `atRest` row): a plain row of
   * one of them is refused as it is read. A key listed since the store was sealed is not
   * yet in it, until sealInPlace.ts seals its row at the next open with the key.
   */
  metaSealed?: ReadonlySet<string>;
}

export function atRestMiddleware(holder: KeyHolder): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'AtRest',
    level: -2,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (sealedTables.has(name)) return sealedTable(table, holder, () => true);
        return name === 'meta' ? sealedTable(table, holder, isSealedMetaRow) : table;
      },
    }),
  };
}

/** A meta row whose key is listed in sealedMetaKeys. */
function isSealedMetaRow(row: unknown): boolean {
  const key = (row as { key?: unknown } | null)?.key;
  return typeof key === 'string' && sealedMetaKeys.has(key);
}

/** Whether a row must be sealed: a plain one is refused (the store is sealed throughout). */
function sealedOnly(holder: KeyHolder, table: string, row: unknown): boolean {
  if (holder.allSealed !== true) return false;
  if (table !== 'meta') return true;
  const key = (row as { key?: unknown } | null)?.key;
  return typeof key === 'string' && holder.metaSealed?.has(key) === true;
}

/** `sealed`: which of the table's rows are sealed (all, or meta's listed ones). */
function sealedTable(
  table: DBCoreTable,
  holder: KeyHolder,
  sealed: (row: unknown) => boolean,
): DBCoreTable {
  const codec = rowCodecOf(table.schema);
  const keys = (): AtRestKeys => {
    if (!holder.keys) throw lockedError();
    return holder.keys;
  };
  const open = (row: unknown) =>
    sealed(row) ? codec.decode(row, holder.keys, sealedOnly(holder, table.name, row)) : row;
  // A row preSeal.ts sealed ahead (a restore's) is already in its stored form.
  const seal = (row: unknown) => {
    if (!sealed(row)) return row;
    const k = keys();
    return isPreSealedFor(row, k) ? row : codec.encode(row, k);
  };
  const query = (q: DBCoreQuery): DBCoreQuery => tokenQuery(q, holder.keys);
  // Many rows read in a transaction of their own open with WebCrypto after it answers
  // (openAsync.ts); else each as it is read, while the transaction is still open.
  const openAll = (rows: unknown[], trans: DBCoreTransaction) => {
    if (rows.length < openAsyncFrom || !opensLater(trans))
      return Dexie.Promise.resolve(rows.map(open));
    const steps = rows.map((row) =>
      sealed(row)
        ? codec.opening(row, holder.keys, sealedOnly(holder, table.name, row))
        : { value: row },
    );
    return openRowsAsync(table.name, steps, holder.keys, trans);
  };
  return {
    ...table,
    mutate: (req) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      return sealedMutate(table, req, seal);
    },
    // `.then`, never async/await where the caller's transaction must stay open: Dexie's
    // promises carry its zone and keep it active; a native wait would let it commit
    // (openAsync.ts waits only where nothing of the caller's follows, and holds it open).
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => openAll(rows, req.trans)),
    query: (req) =>
      table
        .query({ ...req, query: query(req.query) })
        .then((res) =>
          req.values ? openAll(res.result, req.trans).then((result) => ({ result })) : res,
        ),
    count: (req) => table.count({ ...req, query: query(req.query) }),
    openCursor: (req) =>
      table
        .openCursor({ ...req, query: query(req.query) })
        .then((cursor) => (cursor && req.values !== false ? openingCursor(cursor, open) : cursor)),
  };
}

/** The cursor with its value opened (once per position); its methods on the real one. */
function openingCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  const opened = new WeakMap<object, unknown>();
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') {
        const raw: unknown = target.value;
        if (typeof raw !== 'object' || raw === null) return raw;
        if (!opened.has(raw)) {
          opened.set(raw, open(raw));
        }
        return opened.get(raw);
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
