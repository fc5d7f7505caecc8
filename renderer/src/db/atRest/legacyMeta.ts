/**
 * The forms the listed meta rows (sealedMetaKeys.ts) had before the middleware sealed
 * them, turned into what their owners read today, for sealMetaInPlace only:
 *
 * - `{ sealed }`: a value its caller sealed itself (the web credential, sealedMeta.ts of
 *   the first encrypted version), opened;
 * - the package keys with `sealedPrivateKeys` (PKCS #8 sealed by deviceKeys.ts itself):
 *   `privateKeys` opened, the middleware seals the whole row;
 * - the package keys as key objects (made before encryption, non-extractable: nothing to
 *   seal): moved to their own clear row, the sealed row naming their public halves.
 *
 * Anything else is already in today's form.
 */
import { openJson, type AtRestKeys } from '@shared/atRest/cipher';
import { deviceKeysBeforeEncryptionMetaKey, deviceKeysMetaKey } from './sealedMetaKeys';

export interface MetaRow {
  key: string;
  value: unknown;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function currentMetaRows(row: MetaRow, keys: AtRestKeys): MetaRow[] {
  const value = row.value;
  if (!isFields(value)) return [row];
  if (value.sealed instanceof Uint8Array) {
    return [{ key: row.key, value: openJson(keys, value.sealed) }];
  }
  if (row.key !== deviceKeysMetaKey) return [row];
  const { sealedPrivateKeys, keys: keyObjects, ...rest } = value;
  if (sealedPrivateKeys instanceof Uint8Array) {
    return [{ key: row.key, value: { ...rest, privateKeys: openJson(keys, sealedPrivateKeys) } }];
  }
  if (isFields(keyObjects)) {
    return [
      { key: deviceKeysBeforeEncryptionMetaKey, value },
      { key: row.key, value: { publicKeys: value.publicKeys, beforeEncryption: true } },
    ];
  }
  return [row];
}
