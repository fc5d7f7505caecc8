/**
 * Meta rows that hold secrets — the web build's HQ token, the desk's package private
 * keys — are sealed under the store's data key like personal rows (docs/at-rest.md):
 * the `meta` table itself stays clear, since the store must read it while locked. A
 * sealed value is `{ sealed: Uint8Array }`; a store without keys (a locked one, or a
 * plain test store) keeps values as they are.
 */
import { openJson, sealJson, type AtRestKeys } from '@shared/atRest/cipher';

export interface SealingStore {
  atRest?: { keys: AtRestKeys | null };
}

interface SealedValue {
  sealed: Uint8Array;
}

export function isSealedMeta(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<SealedValue>).sealed instanceof Uint8Array
  );
}

/** The value as the meta row should hold it: sealed when the store has its key. */
export function sealMetaValue(store: SealingStore, value: unknown): unknown {
  const keys = store.atRest?.keys;
  return keys ? { sealed: sealJson(keys, value) } : value;
}

/** The meta row's value opened; undefined when sealed and the store is locked. */
export function openMetaValue(store: SealingStore, value: unknown): unknown {
  if (!isSealedMeta(value)) return value;
  const keys = store.atRest?.keys;
  return keys ? openJson(keys, value.sealed) : undefined;
}
