/**
 * A desk store's keys while it is open: installed when the store opens (from the key
 * source) or at a login that unwraps them, dropped only with the store. The meta row
 * `atRest` names the key that sealed the store (its id), so a different key — a reset
 * OS keyring, a profile copied to another PC — is refused before it could seal anything
 * under a second key.
 */
import type Dexie from 'dexie';
import {
  deriveAtRestKeys,
  indexToken,
  recoveryKeyPinLabel,
  type AtRestKeys,
} from '@shared/atRest/cipher';
import { dataKeySource } from './keySource';
import { withStoreWorkLock } from './storeWorkLock';
import type { KeyHolder } from './middleware';
import { resealInPlace, sealInPlace, sealMetaInPlace } from './sealInPlace';
import { sealedTables } from './middleware';
import { deviceKeysBeforeEncryptionMetaKey, sealedMetaKeys } from './sealedMetaKeys';
import {
  atRestMetaKey,
  holdsPlainRow,
  holdsSealedRow,
  rowClaims,
  withRowMac,
  type AtRestMeta,
  type AtRestMetaRow,
} from './atRestRow';

export interface StoreKeys extends KeyHolder {
  /** The raw data key, to wrap it for a new password or the recovery key. */
  dataKey: Uint8Array | null;
  /** Why the store is locked although a key was offered. */
  refused: 'wrong_key' | null;
  /** The source's key while it is on its way (Electron asks the main process). */
  pending: Promise<Uint8Array | null> | null;
  /** False for a store opened at a schema from before encryption (migration tests). */
  sealing: boolean;
  /** The account whose password just opened the store, and the hash it was wrapped for. */
  provenByWrap?: { username: string; forHash: string };
  /**
   * Who gave the loaded key: the key source (Electron's OS key store; the store stays open
   * while the app runs), or a person at this page — a password, the recovery words, a
   * browser's first run — whose logout locks the store again (loginStore.ts).
   */
  openedBy?: 'source' | 'person';
}

/** The persons' ID-prefix index form this desk writes (AtRestMeta.idPrefixIndex). */
export const idPrefixIndexVersion = 2;

/** A store's keys as it is made: the source's key at once, or its promise. */
export function newStoreKeys(databaseName: string): StoreKeys {
  const holder: StoreKeys = {
    keys: null,
    dataKey: null,
    refused: null,
    pending: null,
    sealing: true,
  };
  let given: Uint8Array | null | Promise<Uint8Array | null> = null;
  try {
    given = dataKeySource()?.({ databaseName }) ?? null;
  } catch (error) {
    console.error('The data key source failed; the store opens by a password.', error);
  }
  if (given instanceof Uint8Array) {
    holder.keys = deriveAtRestKeys(given);
    holder.dataKey = given;
    holder.openedBy = 'source';
  } else if (given) {
    // A key store that fails (an OS keyring reset, another OS account) leaves the store
    // locked, to be opened by a password or the recovery words: never a new key.
    holder.pending = given.catch((error: unknown) => {
      console.error('The data key source failed; the store opens by a password.', error);
      return null;
    });
  }
  return holder;
}

/** Waits for a promised key (before the store's first use; a no-op otherwise). */
export async function loadDataKey(holder: StoreKeys): Promise<void> {
  if (!holder.pending) return;
  const dataKey = await holder.pending;
  holder.pending = null;
  if (dataKey && !holder.keys) {
    holder.keys = deriveAtRestKeys(dataKey);
    holder.dataKey = dataKey;
    holder.openedBy = 'source';
  }
}

/**
 * As the store opens (Dexie's `ready`, before any query runs): a key from the source is
 * checked against the store's and, for a store never sealed, seals it in place.
 */
export async function openWithSource(db: Dexie, holder: StoreKeys): Promise<void> {
  await loadDataKey(holder);
  const dataKey = holder.dataKey;
  if (!dataKey) {
    // Locked: still, a store with a key id holds no row without a seal; and as its row's
    // MAC cannot be checked without the key, every listed meta key is taken as sealed
    // (a first sealing under way carries on at the next open with the key).
    const row = (await db.table('meta').get(atRestMetaKey)) as AtRestMetaRow;
    if (holder.sealing && row) {
      holder.allSealed = true;
      holder.metaSealed = new Set(sealedMetaKeys);
    }
    return;
  }
  holder.keys = null;
  holder.dataKey = null;
  await installDataKey(db, holder, dataKey, 'source');
}

/**
 * Whether the store was ever sealed (it then opens only with its key): its key id is
 * written, or a password wrap is (a browser wraps a new key before sealing in place, so a
 * run cut short opens by that password and goes on under the same key).
 */
export async function isStoreSealed(db: Dexie): Promise<boolean> {
  const rows = await db.table('meta').bulkGet([atRestMetaKey, 'atRestPasswordWraps']);
  return rows.some((row) => row !== undefined);
}

/**
 * Opens the store with this key: a store first sealed under another key refuses it; a
 * store never sealed (new, or from before encryption) is sealed in place under it.
 * Returns false when refused.
 */
export async function installDataKey(
  db: Dexie,
  holder: StoreKeys,
  dataKey: Uint8Array,
  openedBy: 'source' | 'person' = 'person',
): Promise<boolean> {
  if (!holder.sealing) return true; // a store from before encryption is opened as it was
  // Open before the lock: an open runs this again as the store gets ready (the key
  // source's key), and that must not wait for the lock its own caller holds.
  if (!db.isOpen()) await db.open();
  // One tab or worker at a time reads the store's row and does the store's work.
  return withStoreWorkLock(db.name, () => installHeld(db, holder, dataKey, openedBy));
}

async function installHeld(
  db: Dexie,
  holder: StoreKeys,
  dataKey: Uint8Array,
  openedBy: 'source' | 'person',
): Promise<boolean> {
  const keys: AtRestKeys = deriveAtRestKeys(dataKey);
  const meta = (await db.table('meta').get(atRestMetaKey)) as AtRestMetaRow;
  if (meta?.value && meta.value.keyId !== keys.keyId) {
    holder.refused = 'wrong_key';
    return false;
  }
  holder.keys = keys;
  holder.dataKey = dataKey;
  holder.refused = null;
  holder.openedBy = openedBy;
  const claims = await rowClaims(keys, db.name, meta?.value, () => holdsSealedRow(db));
  // Findings not yet in the access record: a trusted row's, and this open's own (the next
  // login writes them as entries, which sync to HQ: storeAlterations.ts). A row without a
  // MAC is a finding too: only development versions, never in service, wrote one; here
  // it is a row stripped of its MAC to drop the findings it carried.
  const altered = claims.untrusted === null ? [...(meta?.value?.altered ?? [])] : [];
  if (claims.untrusted !== null) {
    const what = claims.untrusted === 'removed' ? 'removed' : 'edited';
    altered.push({ what, at: new Date().toISOString() });
    console.error(
      `The store's at-rest row was ${what} outside the desk: no plain row is taken in, and the row is written again.`,
    );
  }
  const findings = altered.length > 0 ? { altered } : {};
  const { recorded } = claims;
  holder.metaSealed = recorded;
  const sealedAt = meta?.value?.sealedAt ?? new Date().toISOString();
  const oldPrefixIndex =
    meta?.value !== undefined && (meta.value.idPrefixIndex ?? 1) < idPrefixIndexVersion;
  if (claims.adoptPlain) {
    // A first sealing (or one cut short). Its plain rows are read to be sealed: a locked
    // open before this one took the row as "sealed throughout".
    holder.allSealed = false;
    // A store holding plain rows (from before encryption, upgraded in this open or an
    // earlier one) gets the row first, with its claim, so that a store holding a sealed
    // row without one is known to have lost it, and a run cut short carries on. A new
    // store (nothing plain) gets none: the fewer rows ever say "sealing", the fewer there
    // are to replay from an old copy of the profile.
    if (!meta?.value && (await holdsPlainRow(db))) {
      await writeRow(db, keys, {
        keyId: keys.keyId,
        sealedAt,
        sealedMeta: [...recorded],
        idPrefixIndex: idPrefixIndexVersion,
        sealing: true,
        ...findings,
      });
    }
    await sealInPlace(db);
    await pinRecoveryKey(db, keys);
  } else if (oldPrefixIndex) {
    // Sealed throughout already: a row without a seal is refused, not sealed again.
    holder.allSealed = true;
    await resealInPlace(db, 'persons');
  }
  const unrecorded = [...sealedMetaKeys].some((key) => !recorded.has(key));
  if (unrecorded) await sealMetaInPlace(db, keys, recorded);
  if (claims.adoptPlain || claims.untrusted !== null || oldPrefixIndex || unrecorded) {
    await writeRow(db, keys, {
      keyId: keys.keyId,
      sealedAt,
      sealedMeta: [...sealedMetaKeys],
      idPrefixIndex: idPrefixIndexVersion,
      ...findings,
    });
    holder.metaSealed = new Set(sealedMetaKeys);
  }
  holder.allSealed = true;
  return true;
}

function writeRow(db: Dexie, keys: AtRestKeys, value: AtRestMeta): Promise<unknown> {
  return db.table('meta').put({ key: atRestMetaKey, value: withRowMac(keys, db.name, value) });
}

/**
 * Locks the store again: the key a person opened it with is forgotten (a refused login,
 * a logout in the web build). Rows stay as they are; the next read or write of sealed
 * data is refused as locked until a password or the recovery words open it again.
 */
export function forgetDataKey(holder: StoreKeys): void {
  holder.keys = null;
  holder.dataKey = null;
  holder.openedBy = undefined;
  delete holder.provenByWrap;
}

/**
 * A desk from before encryption pins the recovery key it already had as it is first
 * sealed (atRest/recoveryWrap.ts); after that, an unpinned row is a swapped one.
 */
async function pinRecoveryKey(db: Dexie, keys: AtRestKeys): Promise<void> {
  const row = (await db.table('meta').get('backupRecoveryKey')) as
    { value?: { publicKey?: unknown; pin?: unknown } } | undefined;
  const value = row?.value;
  if (!value || typeof value.publicKey !== 'string' || value.pin !== undefined) return;
  const pin = indexToken(keys, recoveryKeyPinLabel, value.publicKey);
  await db.table('meta').put({ key: 'backupRecoveryKey', value: { ...value, pin } });
}

/**
 * A browser desk that never finished its first run lost its key with the page that
 * made it (a key is kept only by the accounts' wraps, and there are none yet). What it
 * sealed — at most a draft of the first-run form — opens for nobody: those rows are
 * dropped and the store is unsealed, so the first run can make and keep a new key.
 * Only for a store without accounts: checked again in its own transaction (a first run
 * another tab finished a moment ago is kept; false then, and nothing is dropped).
 */
export async function forgetUnclaimedKey(db: Dexie): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    if ((await db.table('users').count()) > 0) return false;
    for (const table of db.tables) if (sealedTables.has(table.name)) await table.clear();
    // The wraps of the lost key go too: they would mark the store as sealed again.
    await db
      .table('meta')
      .bulkDelete([
        atRestMetaKey,
        'atRestPasswordWraps',
        'atRestRecoveryWrap',
        ...sealedMetaKeys,
        deviceKeysBeforeEncryptionMetaKey,
      ]);
    return true;
  });
}
