/**
 * The at-rest middleware: the lowest layer of Dexie's stack (closest to IndexedDB), so
 * every layer above it — hooks, live queries, the write path, every repository — sees
 * plain rows, and IndexedDB sees only sealed ones (rowCodec.ts). It seals what is put,
 * opens what is read (gets, queries, cursors), and turns an equality query on an
 * ID-number index into its keyed token. Any other range on such an index (a prefix, a
 * span) cannot work on tokens and is refused loudly, so a query written against the
 * clear number fails in the tests instead of silently finding nothing.
 *
 * Which tables: `sealedTables`. Reference data (standards, calendars, rules), the
 * office's buildings and beds, package bookkeeping and meta stay clear.
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreKeyRange,
  DBCoreQuery,
  DBCoreTable,
  Middleware,
} from 'dexie';
import { idIndexToken, isIdTokenIndex } from '@shared/atRest/idTokens';
import type { AtRestKeys } from '@shared/atRest/cipher';
import { lockedError, rowCodecOf, type RowCodec } from './rowCodec';
import { sealedMutate } from './sealedMutate';

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
}

const rangeEqual = 1;
const rangeAny = 3;

export function atRestMiddleware(holder: KeyHolder): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'AtRest',
    level: -2,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return sealedTables.has(name) ? sealedTable(table, holder) : table;
      },
    }),
  };
}

function sealedTable(table: DBCoreTable, holder: KeyHolder): DBCoreTable {
  const codec = rowCodecOf(table.schema);
  const keys = (): AtRestKeys => {
    if (!holder.keys) throw lockedError();
    return holder.keys;
  };
  const open = (row: unknown) => codec.decode(row, holder.keys, holder.allSealed === true);
  const query = (q: DBCoreQuery): DBCoreQuery => tokenQuery(q, holder);
  return {
    ...table,
    mutate: (req) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const k = keys();
      return sealedMutate(table, req, (v) => codec.encode(v, k));
    },
    // `.then`, never async/await: Dexie's promises carry the transaction's zone, which
    // a native async function would lose (the next request then runs outside it).
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      table
        .query({ ...req, query: query(req.query) })
        .then((res) => (req.values ? { result: res.result.map(open) } : res)),
    count: (req) => table.count({ ...req, query: query(req.query) }),
    openCursor: (req) =>
      table
        .openCursor({ ...req, query: query(req.query) })
        .then((cursor) =>
          cursor && req.values !== false ? openingCursor(cursor, codec, holder) : cursor,
        ),
  };
}

function tokenQuery(q: DBCoreQuery, holder: KeyHolder): DBCoreQuery {
  const index = q.index.name;
  if (!isIdTokenIndex(index) || q.range.type === rangeAny) return q;
  if (q.range.type !== rangeEqual || typeof q.range.lower !== 'string') {
    throw new Error(`${index} holds keyed tokens: query it by equality (idPrefixes for a prefix).`);
  }
  if (!holder.keys) throw lockedError();
  const token = idIndexToken(holder.keys, index, q.range.lower);
  const range: DBCoreKeyRange = { type: q.range.type, lower: token, upper: token };
  return { ...q, range };
}

/** The cursor with its value opened (once per position); its methods on the real one. */
function openingCursor(cursor: DBCoreCursor, codec: RowCodec, holder: KeyHolder): DBCoreCursor {
  const opened = new WeakMap<object, unknown>();
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') {
        const raw: unknown = target.value;
        if (typeof raw !== 'object' || raw === null) return raw;
        if (!opened.has(raw)) {
          opened.set(raw, codec.decode(raw, holder.keys, holder.allSealed === true));
        }
        return opened.get(raw);
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
