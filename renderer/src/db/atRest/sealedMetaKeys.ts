/**
 * The meta rows the at-rest middleware seals (docs/at-rest.md): the one list. A caller
 * reads and writes these rows' values plain; the middleware seals each under the data
 * key (its key bound in, so a seal moved to another row does not open), and once the
 * store records a key as sealed (`sealedMeta` in its `atRest` row) a plain row of that
 * key is refused as it is read, as in the sealed tables.
 *
 * Not listed, because they are read while the store is still locked or hold no secret:
 * the key id (`atRest`), the password and recovery wraps (the login and the recovery
 * words open the store with them), the recovery key's public half (pinned under the data
 * key instead, recoveryWrap.ts), the device id and sequence numbers (made at start, before
 * a browser's login), schedules, cursors and settings.
 */

/** The web build's device credential: HQ's address and the device token. */
export const webCredentialMetaKey = 'syncWebCredential';
/** The desk's package key pairs: the private halves as PKCS #8. */
export const deviceKeysMetaKey = 'packageKeys';
/**
 * HQ's package keys as pinned at enrollment: public, but the desk trusts every pull page
 * and return file signed by them, and seals its packages for them. Sealed, a key swapped
 * into the profile is refused instead of trusted.
 */
export const hqKeysMetaKey = 'hqPackageKeys';
/** The access record's chain key (HQ checks the desk's chain with it). */
export const accessChainKeyMetaKey = 'accessChainKey';

export const sealedMetaKeys: ReadonlySet<string> = new Set([
  webCredentialMetaKey,
  deviceKeysMetaKey,
  hqKeysMetaKey,
  accessChainKeyMetaKey,
]);

/**
 * A pair of package keys made before encryption: non-extractable key objects, whose
 * bytes Chromium already wrote into the profile and which cannot be sealed. Kept clear
 * under this row, and used only while the sealed `packageKeys` row names the same
 * public halves (sync/packages/deviceKeys.ts); re-enrolling replaces them.
 */
export const deviceKeysBeforeEncryptionMetaKey = 'packageKeysBeforeEncryption';
