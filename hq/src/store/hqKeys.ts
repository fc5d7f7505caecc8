import { webcrypto } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { keyId } from '@shared/package/keys';
import { agreementAlgorithm, signingAlgorithm } from '@shared/package/webCrypto';
import type { HqTables } from '../db/schema';
import { HqStartRefused, type KeyWrapping } from './keyWrapping';

/** One of HQ's key pairs: the private half for use, the public half as desks pin it. */
export interface HqKeyPair {
  privateKey: webcrypto.CryptoKey;
  /** SPKI, base64. */
  publicKey: string;
  keyId: string;
}

/** HQ signs return files with `signing`; desks encrypt packages for `encryption`. */
export interface HqKeys {
  signing: HqKeyPair;
  encryption: HqKeyPair;
}

/** Where HQ's keys are: the database, and the key file that opens the private halves. */
export interface HqKeyStore {
  db: Kysely<HqTables>;
  keyWrapping: KeyWrapping;
}

type Role = keyof HqKeys;

const metaKey = 'package_keys';
/** As stored: the public half as is, the private half (PKCS #8) sealed with the key file. */
const sealedPairSchema = z.object({ publicKey: z.string(), sealedPrivateKey: z.string() });
const storedSchema = z.object({ signing: sealedPairSchema, encryption: sealedPairSchema });
type StoredKeys = z.infer<typeof storedSchema>;
/** As HQ stored them before schema 5: the private half in the clear. */
const plainPairSchema = z.object({ privateKey: z.string(), publicKey: z.string() });
const plainStoredSchema = z.object({ signing: plainPairSchema, encryption: plainPairSchema });

const { subtle } = webcrypto;
const toB64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

/**
 * What a sealed private key is bound to: its role and its public half, so a sealed key
 * moved to another place in the row does not open.
 */
const sealLabel = (role: Role, publicKey: string) => `hq package key ${role} ${publicKey}`;

/**
 * HQ's package keys, made the first time they are needed and kept in hq_meta (both
 * pairs in one row, so they are never half made), the private halves sealed with the
 * key file. Every desk pins the public halves at enrollment, so they must never
 * change: two HQ processes starting at once over one database both insert-if-absent
 * and then read back whichever pair won.
 */
export async function loadHqKeys(hq: HqKeyStore): Promise<HqKeys> {
  const stored = (await readStored(hq.db)) ?? (await createStored(hq));
  return {
    signing: await usable(hq.keyWrapping, 'signing', stored, signingAlgorithm, ['sign']),
    encryption: await usable(hq.keyWrapping, 'encryption', stored, agreementAlgorithm, [
      'deriveBits',
    ]),
  };
}

/**
 * At start, once the schema is current: when the database holds HQ's keys, the key
 * file must exist and open them; when it holds none, a missing key file is made. HQ
 * never makes new keys over sealed ones: every enrolled desk pinned them.
 */
export async function checkKeyFile(
  db: Kysely<HqTables>,
  keyFile: string,
  found: KeyWrapping | null,
  make: () => Promise<KeyWrapping>,
): Promise<KeyWrapping> {
  const stored = await readStored(db);
  if (!stored) return found ?? (await make());
  if (!found) {
    throw new HqStartRefused(
      `HQ's package keys in the database are sealed, and the key file ${keyFile} is missing. ` +
        "Put back the key file kept with this database's backups (or set HQ_KEY_FILE to " +
        'where it is). HQ makes no new keys: every enrolled desk trusts only the current ones.',
    );
  }
  for (const role of ['signing', 'encryption'] as const) {
    await found.open(stored[role].sealedPrivateKey, sealLabel(role, stored[role].publicKey));
  }
  return found;
}

/**
 * Schema 5: the row as HQ stored it before (private halves in the clear) with the
 * private halves sealed; null when there is nothing to seal.
 */
export async function sealPlainKeys(value: string, wrapping: KeyWrapping): Promise<string | null> {
  const plain = plainStoredSchema.safeParse(JSON.parse(value));
  if (!plain.success) return null;
  const sealed = async (role: Role) => {
    const { privateKey, publicKey } = plain.data[role];
    const bytes = new Uint8Array(Buffer.from(privateKey, 'base64'));
    return { publicKey, sealedPrivateKey: await wrapping.seal(bytes, sealLabel(role, publicKey)) };
  };
  const row: StoredKeys = {
    signing: await sealed('signing'),
    encryption: await sealed('encryption'),
  };
  return JSON.stringify(row);
}

async function readStored(db: Kysely<HqTables>): Promise<StoredKeys | null> {
  const row = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('key', '=', metaKey)
    .executeTakeFirst();
  return row ? storedSchema.parse(JSON.parse(row.value)) : null;
}

async function createStored(hq: HqKeyStore): Promise<StoredKeys> {
  const fresh: StoredKeys = {
    signing: await exportPair(
      hq.keyWrapping,
      'signing',
      await subtle.generateKey(signingAlgorithm, true, ['sign', 'verify']),
    ),
    encryption: await exportPair(
      hq.keyWrapping,
      'encryption',
      await subtle.generateKey(agreementAlgorithm, true, ['deriveBits']),
    ),
  };
  await hq.db
    .insertInto('hq_meta')
    .values({ key: metaKey, value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const winner = await readStored(hq.db);
  if (!winner) throw new Error('HQ package keys were not stored.');
  return winner;
}

async function exportPair(wrapping: KeyWrapping, role: Role, pair: webcrypto.CryptoKeyPair) {
  const publicKey = toB64(await subtle.exportKey('spki', pair.publicKey));
  const privateKey = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return {
    publicKey,
    sealedPrivateKey: await wrapping.seal(privateKey, sealLabel(role, publicKey)),
  };
}

/** The private key opened and imported non-extractable: once loaded it never leaves WebCrypto. */
async function usable(
  wrapping: KeyWrapping,
  role: Role,
  stored: StoredKeys,
  algorithm: typeof signingAlgorithm | typeof agreementAlgorithm,
  usages: webcrypto.KeyUsage[],
): Promise<HqKeyPair> {
  const { publicKey, sealedPrivateKey } = stored[role];
  const privateKey = await subtle.importKey(
    'pkcs8',
    await wrapping.open(sealedPrivateKey, sealLabel(role, publicKey)),
    algorithm,
    false,
    usages,
  );
  return { privateKey, publicKey, keyId: await keyId(publicKey) };
}

/** The public halves as the enrollment response carries them. */
export function publicHqKeys(keys: HqKeys): { signing: string; encryption: string } {
  return { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey };
}
