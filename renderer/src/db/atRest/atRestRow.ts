/**
 * The store's clear `atRest` meta row, and what of it an open may believe. The row must be
 * clear (a locked store reads the key id to refuse another key), so anyone with the
 * profile can edit or delete it; and what it claims decides what the next open with the
 * key takes in as the desk's own:
 * - no row: a store never sealed, whose plain rows are sealed in place (adopted);
 * - `sealing`: a first sealing under way, which the open carries on (adopting plain rows);
 * - `sealedMeta`: the meta keys already sealed; a listed key missing from it has its plain
 *   row sealed in place (adopted) — a planted plain `hqPackageKeys` would pin a forger's HQ.
 *
 * So the row carries a MAC under the data key over its claims (`mac`), and an open takes a
 * claim that adopts plain data only from a row whose MAC checks:
 * - a row without one (written before the MAC, or stripped) or with a wrong one (edited) is
 *   read as "sealed throughout, every listed meta key sealed": nothing plain is adopted
 *   (its `idPrefixIndex` is still followed: a reseal adopts nothing either);
 * - a missing row over a store that already holds a sealed row was removed, and is read
 *   the same way (no schema upgrade writes a sealed row: they rewrite rows below the
 *   middleware, tables/bareUpgrade.ts, so a store from before encryption holds none).
 * A first sealing of a store holding plain rows (from before encryption, whether upgraded
 * in this open or an earlier one) writes the row, with `sealing` and its MAC, before it
 * seals anything: a run cut short (a power cut) carries on at the next open with the key,
 * and a store holding a sealed row without a row is known to have lost it (a desk of the
 * release before this one, cut short in its first sealing, wrote no row: it reads so too).
 * The row's `altered` findings are logged at the next login (storeAlterations.ts).
 * Either way the row is then written again, whole and with its MAC.
 */
import type Dexie from 'dexie';
import { indexToken, type AtRestKeys } from '@shared/atRest/cipher';
import { sealedTables } from './middleware';
import { sealedField } from './rowCodec';
import { sealedMetaKeys } from './sealedMetaKeys';

export const atRestMetaKey = 'atRest';

export interface AtRestMeta {
  /** The id of the data key every sealed row of this store is under. */
  keyId: string;
  /** When every row written before encryption was sealed in place. */
  sealedAt: string;
  /**
   * The meta keys whose rows are sealed (sealedMetaKeys.ts): a key listed later is sealed
   * in place at the next open with the key, then added.
   */
  sealedMeta?: string[];
  /**
   * The form of the persons' ID-prefix index the rows are sealed with: missing or 1, the
   * `idPrefixes` tokens of schema v16; 2, the compound index of v18. Older persons are
   * sealed again at the next open with the key, then this is written.
   */
  idPrefixIndex?: number;
  /** A first sealing in place is under way (written before it seals anything). */
  sealing?: true;
  /**
   * What an open with the key found done to this row outside the desk, not yet in the
   * access record: the next login writes each as an entry (storeAlterations.ts), which
   * syncs to HQ, then drops them.
   */
  altered?: StoreAlteration[];
  /** HMAC under the data key of the claims above (rowMac). */
  mac?: string;
}

export type AtRestMetaRow = { value?: AtRestMeta } | undefined;

/** The row found edited (a wrong MAC) or removed (over sealed rows), and when. */
export interface StoreAlteration {
  what: 'edited' | 'removed';
  at: string;
}

/** A stored row as the middleware left it sealed (its seal field), read bare. */
const hasSeal = (row: unknown): boolean =>
  typeof row === 'object' && row !== null && sealedField in row;

const rowMacLabel = 'atRest row';

/**
 * The MAC of a row's claims under the store's keys, for this database (by name): a row
 * made for another store under the same key — a restore's scratch store, which an
 * Electron desk opens with its own key — does not check here.
 */
export function rowMac(keys: AtRestKeys, databaseName: string, value: AtRestMeta): string {
  const claims: unknown[] = [
    databaseName,
    value.keyId,
    value.sealedAt,
    value.sealedMeta ?? null,
    value.idPrefixIndex ?? null,
    value.sealing === true,
  ];
  // Only when there are any, so that every row written before them still checks.
  if (value.altered !== undefined) claims.push(value.altered);
  return indexToken(keys, rowMacLabel, JSON.stringify(claims));
}

/** The row as written: its claims and their MAC. */
export function withRowMac(keys: AtRestKeys, databaseName: string, value: AtRestMeta): AtRestMeta {
  const { mac: _old, ...claims } = value;
  return { ...claims, mac: rowMac(keys, databaseName, claims) };
}

/** What an open with the key believes of the row (see the file's comment). */
export interface RowClaims {
  /** The meta keys whose plain rows are refused, not sealed in place. */
  recorded: ReadonlySet<string>;
  /** Plain rows of the sealed tables are sealed in place (a first sealing). */
  adoptPlain: boolean;
  /** Why the row's claims were not taken; the open writes the row again. */
  untrusted: 'no_mac' | 'wrong_mac' | 'removed' | null;
}

/**
 * `removedIf` is asked only when there is no row: whether the store holds a sealed row
 * that no upgrade of this open sealed.
 */
export async function rowClaims(
  keys: AtRestKeys,
  databaseName: string,
  value: AtRestMeta | undefined,
  removedIf: () => Promise<boolean>,
): Promise<RowClaims> {
  const everyListedKey = new Set(sealedMetaKeys);
  if (!value) {
    return (await removedIf())
      ? { recorded: everyListedKey, adoptPlain: false, untrusted: 'removed' }
      : { recorded: new Set(), adoptPlain: true, untrusted: null };
  }
  if (value.mac === undefined || value.mac !== rowMac(keys, databaseName, value)) {
    return {
      recorded: everyListedKey,
      adoptPlain: false,
      untrusted: value.mac === undefined ? 'no_mac' : 'wrong_mac',
    };
  }
  return {
    recorded: new Set(Array.isArray(value.sealedMeta) ? value.sealedMeta : []),
    adoptPlain: value.sealing === true,
    untrusted: null,
  };
}

/**
 * Whether the store holds any sealed row: the listed meta rows, and each sealed table read
 * bare (no middleware) for a row with a seal field, stopping at the first. Every row is
 * looked at until one is found, not just each table's first (a row planted ahead of the
 * others would hide them); asked only when the row is missing, where a store that was
 * never sealed is then read whole once, as its first sealing reads it anyway.
 */
export function holdsSealedRow(db: Dexie): Promise<boolean> {
  return holdsRowWhere(db, hasSeal);
}

/**
 * This account's row as the store holds it (read bare, no middleware, by its name, which
 * is an index field and so kept in the clear): 'sealed', the plain row (a store from
 * before encryption, or a first sealing not yet past the accounts), or null for none.
 */
export function storedAccountRow(
  db: Dexie,
  username: string,
): Promise<'sealed' | PlainAccount | null> {
  const idb = db.backendDB();
  return new Promise<'sealed' | PlainAccount | null>((resolve, reject) => {
    const got = idb
      .transaction('users', 'readonly')
      .objectStore('users')
      .index('username')
      .get(username);
    got.onsuccess = () => {
      const row: unknown = got.result;
      resolve(row === undefined ? null : hasSeal(row) ? 'sealed' : (row as PlainAccount));
    };
    got.onerror = () => reject(got.error ?? new Error('reading the account failed'));
  });
}

/** What a plain account row holds of its password and standing (read bare: unchecked). */
export interface PlainAccount {
  passwordHash?: unknown;
  passwordSalt?: unknown;
  passwordIterations?: unknown;
  disabled?: unknown;
  deleted?: unknown;
}

/**
 * Whether the store holds any plain row a first sealing would take in (asked only when the
 * row is missing and the open takes plain rows in; it stops at the first plain row).
 */
export function holdsPlainRow(db: Dexie): Promise<boolean> {
  return holdsRowWhere(db, (row) => row !== undefined && !hasSeal(row));
}

function holdsRowWhere(db: Dexie, where: (row: unknown) => boolean): Promise<boolean> {
  const idb = db.backendDB();
  const tables = [...sealedTables].filter((name) => idb.objectStoreNames.contains(name));
  return new Promise<boolean>((resolve, reject) => {
    const tx = idb.transaction([...tables, 'meta'], 'readonly');
    let found = false;
    const meta = tx.objectStore('meta');
    for (const key of sealedMetaKeys) {
      const got = meta.get(key);
      got.onsuccess = () => {
        if (where(got.result)) found = true;
      };
    }
    for (const name of tables) {
      const cursor = tx.objectStore(name).openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || found) return;
        if (where(at.value)) found = true;
        else at.continue();
      };
    }
    tx.oncomplete = () => resolve(found);
    tx.onerror = () => reject(tx.error ?? new Error('reading the store for rows failed'));
  });
}

/**
 * The row a first sealing starts with (`sealing`, nothing of meta sealed yet, its MAC),
 * put in the transaction of the upgrade of a store from before encryption when the key
 * is already loaded: a cut after its commit finds the row saying a first sealing is under
 * way, whatever the upgrades wrote (they rewrite rows below the middleware, leaving them
 * plain: tables/bareUpgrade.ts; one through it would seal them).
 * Called while the upgrade's transaction is active (from a request's success).
 */
export function sealingRowInUpgrade(
  tx: IDBTransaction,
  keys: AtRestKeys,
  databaseName: string,
  idPrefixIndex: number,
): void {
  if (!tx.objectStoreNames.contains('meta')) return;
  const value: AtRestMeta = {
    keyId: keys.keyId,
    sealedAt: new Date().toISOString(),
    sealedMeta: [],
    idPrefixIndex,
    sealing: true,
  };
  tx.objectStore('meta').put({ key: atRestMetaKey, value: withRowMac(keys, databaseName, value) });
}

/**
 * The schema upgrade past encryption (v16) of a store from before it: whether it holds a
 * sealed row, read in this upgrade's own transaction before any later upgrade writes
 * (one getAll per table, placed now, so answered ahead of every request placed after).
 * A real store from before encryption holds none, and gets the `sealing` row in the same
 * transaction when the key is loaded (sealingRowInUpgrade); a store rebuilt at an old
 * version around the desk's sealed rows (to pass as one) does, and gets none. `answer`
 * is called while the upgrade's transaction is active.
 */
export function sealedRowBeforeEncryption(
  tx: IDBTransaction,
  answer: (found: boolean) => void,
): void {
  const names = [...sealedTables, 'meta'].filter((name) => tx.objectStoreNames.contains(name));
  let pending = names.length;
  let found = false;
  if (pending === 0) answer(false);
  for (const name of names) {
    const all = tx.objectStore(name).getAll();
    all.onsuccess = () => {
      if ((all.result as unknown[]).some(hasSeal)) found = true;
      pending -= 1;
      if (pending === 0) answer(found);
    };
  }
}
