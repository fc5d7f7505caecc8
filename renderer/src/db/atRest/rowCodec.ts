/**
 * How one table's rows are sealed at rest (issue #16 item 1). A stored row keeps in the
 * clear only what an index needs — its primary key and the fields its indexes read —
 * and everything else inside `_sealed` (AES-256-GCM of the rest's JSON). The ID-number
 * indexes hold keyed tokens instead of the number (shared/atRest/idTokens.ts); the
 * number itself is inside the seal like every other sensitive field. Fields an index
 * derives from the row's clear fields (derivedIndexFields.ts) are worked out here too.
 *
 * A row without `_sealed` is a plaintext row from before encryption: it reads as it is
 * and is sealed in place (sealInPlace.ts) when the store is first opened with its key.
 */
import type { DBCoreTableSchema } from 'dexie';
import { openJson, sealJson, type AtRestKeys } from '@shared/atRest/cipher';
import {
  idIndexToken,
  idPrefixIndexFields,
  idPrefixParts,
  isIdTokenIndex,
} from '@shared/atRest/idTokens';
import { derivedIndexFields, fillDerivedFields, isDerivedIndexField } from './derivedIndexFields';

export const sealedField = '_sealed';

/**
 * Fields the codec alone writes, made from the row's ID number as it is sealed and bound
 * into the seal like its tokens: the prefix index's parts. Never read back, never taken
 * from a caller.
 */
const idMadeFields: ReadonlySet<string> = new Set(idPrefixIndexFields);
/**
 * Fields of stored rows that no index reads any more: schema v16's `idPrefixes` tokens,
 * still in rows sealed before v18 until they are sealed again (storeKeys.ts). Bound into
 * those rows' seals, so left in place; never read back, never taken from a caller.
 */
const retiredFields: ReadonlySet<string> = new Set(['idPrefixes']);

export interface RowCodec {
  encode(row: unknown, keys: AtRestKeys): unknown;
  /**
   * What encode seals, before sealing: the stored row (clear fields, ID tokens) and the
   * part to seal into it, bound to `bindingOf(table, stored)`. Null for a non-row.
   */
  split(
    row: unknown,
    keys: AtRestKeys,
  ): { stored: Record<string, unknown>; sealed: Record<string, unknown> } | null;
  /** `sealedOnly`: a row without a seal is refused (the store is sealed throughout). */
  decode(row: unknown, keys: AtRestKeys | null, sealedOnly?: boolean): unknown;
  /**
   * decode in two steps, for a caller that opens the seal itself (openAsync.ts): the
   * row's value when there is nothing to open, else its seal, the binding to open it
   * under, and what makes the record of the opened part. Checks as decode does.
   */
  opening(
    row: unknown,
    keys: AtRestKeys | null,
    sealedOnly?: boolean,
  ):
    | { value: unknown }
    | { seal: Uint8Array; binding: string; finish(opened: Record<string, unknown>): unknown };
}

function keyPathFields(keyPath: null | string | string[]): string[] {
  if (keyPath === null) return [];
  return (Array.isArray(keyPath) ? keyPath : [keyPath]).map((p) => p.split('.')[0] ?? p);
}

function isRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The codec of a table, read from its live schema: its indexes are its clear fields. */
export function rowCodecOf(schema: DBCoreTableSchema): RowCodec {
  const clear = new Set<string>(keyPathFields(schema.primaryKey.keyPath));
  const tokens = new Set<string>();
  const derived = new Set<string>();
  for (const index of schema.indexes) {
    for (const field of keyPathFields(index.keyPath)) {
      if (isIdTokenIndex(field) || idMadeFields.has(field)) tokens.add(field);
      else if (isDerivedIndexField(field)) derived.add(field);
      else clear.add(field);
    }
  }
  const tokenFields = [...tokens];
  const derivedFields = [...derived];
  // Fields no caller's value is kept of: the store's own, worked out as it writes.
  const unsealable = (field: string) =>
    field === sealedField ||
    derived.has(field) ||
    idMadeFields.has(field) ||
    retiredFields.has(field);
  // Every field a stored row may hold in the clear and its seal is bound to, in bindingOf's order.
  const boundFields = [...clear, ...tokens].sort();
  const split: RowCodec['split'] = (row, keys) => {
    if (!isRow(row)) return null;
    const stored: Record<string, unknown> = {};
    const sealed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (clear.has(field)) stored[field] = value;
      else if (!unsealable(field)) sealed[field] = value;
    }
    for (const field of tokenFields) tokenise(stored, row, field, keys);
    fillDerivedFields(stored, derivedFields);
    return { stored, sealed };
  };
  // A plain row (from before encryption) read as it is, less the store's own fields.
  // Not the store's own fields either, should a row without a seal hold any.
  const plainOf = (row: Record<string, unknown>) => {
    if (!Object.keys(row).some(unsealable)) return row;
    return Object.fromEntries(Object.entries(row).filter(([field]) => !unsealable(field)));
  };
  const opening: RowCodec['opening'] = (row, keys, sealedOnly = false) => {
    if (!isRow(row)) return { value: row };
    const seal = row[sealedField];
    if (!(seal instanceof Uint8Array)) {
      if (sealedOnly) throw unsealedRowError(schema.name);
      return { value: plainOf(row) };
    }
    if (!keys) throw lockedError();
    for (const field of derivedFields) {
      if (Object.hasOwn(row, field) && row[field] !== derivedIndexFields[field]?.(row)) {
        throw tamperedRowError(schema.name);
      }
    }
    return {
      seal,
      binding: bindingOf(schema.name, row),
      finish: (opened) => {
        const plain: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(row)) {
          if (!tokens.has(field) && !unsealable(field)) plain[field] = value;
        }
        return Object.assign(plain, opened);
      },
    };
  };
  return {
    split,
    encode(row, keys) {
      const parts = split(row, keys);
      if (!parts) return row;
      const { stored, sealed } = parts;
      stored[sealedField] = sealJson(keys, sealed, bindingOfOwn(schema.name, stored, boundFields));
      return stored;
    },
    decode(row, keys, sealedOnly = false) {
      const step = opening(row, keys, sealedOnly);
      if (!('seal' in step)) return step.value;
      let opened: Record<string, unknown>;
      try {
        opened = openJson(keys as AtRestKeys, step.seal, step.binding) as Record<string, unknown>;
      } catch {
        throw tamperedRowError(schema.name);
      }
      return step.finish(opened);
    },
    opening,
  };
}

function tokenise(
  stored: Record<string, unknown>,
  row: Record<string, unknown>,
  field: string,
  keys: AtRestKeys,
): void {
  if (idMadeFields.has(field)) {
    // The three parts are made together, at the first of them.
    if (field !== idPrefixIndexFields[0] || typeof row.idNumber !== 'string') return;
    const { idType, idNumber, birthDate } = row;
    const parts = idPrefixParts({ idType, idNumber, birthDate });
    if (!parts) return;
    stored.idPrefix4 = idIndexToken(keys, 'idPrefix4', parts.idPrefix4);
    stored.idPrefix6 = idIndexToken(keys, 'idPrefix6', parts.idPrefix6);
    stored.idBorn = parts.idBorn;
    return;
  }
  if (!isIdTokenIndex(field)) return;
  const value = row[field];
  if (typeof value === 'string') stored[field] = idIndexToken(keys, field, value);
  else if (Array.isArray(value)) {
    stored[field] = value.map((v) => (typeof v === 'string' ? idIndexToken(keys, field, v) : v));
  }
}

/**
 * What a row's seal is bound to (GCM associated data): its table and every clear field
 * it stores (its key, its index fields, the ID tokens), in a fixed order. A seal copied
 * to another row or table, or a clear field edited in the profile (a case's status),
 * then fails to open — the row is refused, not read as the desk wrote it. Derived index
 * fields are left out: they are checked against the fields they come from instead.
 */
export function bindingOf(table: string, stored: Record<string, unknown>): string {
  const fields = Object.keys(stored)
    .filter((field) => field !== sealedField && !isDerivedIndexField(field))
    .sort()
    .map((field) => [field, stored[field] ?? null]);
  return JSON.stringify([table, fields]);
}

/**
 * bindingOf for a row this codec has just built, whose fields are all among `boundFields`
 * (sorted): the same text without sorting each row's fields again.
 */
function bindingOfOwn(
  table: string,
  stored: Record<string, unknown>,
  boundFields: readonly string[],
): string {
  const fields: [string, unknown][] = [];
  for (const field of boundFields) {
    if (Object.hasOwn(stored, field)) fields.push([field, stored[field] ?? null]);
  }
  return JSON.stringify([table, fields]);
}

/** A seal that does not open with the row's own clear fields: moved, edited or damaged. */
export function tamperedRowError(table: string): Error {
  const error = new Error(`A sealed row of ${table} does not match its clear fields.`);
  error.name = 'TamperedRowError';
  return error;
}

/** What a read or write of sealed data meets while the store has no key. */
export function lockedError(): Error {
  const error = new Error('The desk store is locked: its data key is not loaded.');
  error.name = 'StoreLockedError';
  return error;
}

/** A row of a sealed store read without a seal: not written by this desk's middleware. */
function unsealedRowError(table: string): Error {
  const error = new Error(`A row of ${table} is not sealed although the store is.`);
  error.name = 'UnsealedRowError';
  return error;
}
