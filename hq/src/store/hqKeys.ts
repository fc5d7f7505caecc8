import { webcrypto } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { keyId } from '@shared/package/keys';
import { agreementAlgorithm, signingAlgorithm } from '@shared/package/webCrypto';
import type { HqTables } from '../db/schema';

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

const metaKey = 'package_keys';
const storedPairSchema = z.object({ privateKey: z.string(), publicKey: z.string() });
const storedSchema = z.object({ signing: storedPairSchema, encryption: storedPairSchema });
type StoredKeys = z.infer<typeof storedSchema>;

const { subtle } = webcrypto;
const toB64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64');

/**
 * HQ's package keys, made the first time they are needed and kept in hq_meta (both
 * pairs in one row, so they are never half made). Every desk pins the public halves at
 * enrollment, so they must never change: two HQ processes starting at once over one
 * database both insert-if-absent and then read back whichever pair won.
 */
export async function loadHqKeys(db: Kysely<HqTables>): Promise<HqKeys> {
  const stored = (await readStored(db)) ?? (await createStored(db));
  return {
    signing: await usable(stored.signing, signingAlgorithm, ['sign']),
    encryption: await usable(stored.encryption, agreementAlgorithm, ['deriveBits']),
  };
}

async function readStored(db: Kysely<HqTables>): Promise<StoredKeys | null> {
  const row = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('key', '=', metaKey)
    .executeTakeFirst();
  return row ? storedSchema.parse(JSON.parse(row.value)) : null;
}

async function createStored(db: Kysely<HqTables>): Promise<StoredKeys> {
  const fresh: StoredKeys = {
    signing: await exportPair(await subtle.generateKey(signingAlgorithm, true, ['sign', 'verify'])),
    encryption: await exportPair(
      await subtle.generateKey(agreementAlgorithm, true, ['deriveBits']),
    ),
  };
  await db
    .insertInto('hq_meta')
    .values({ key: metaKey, value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const winner = await readStored(db);
  if (!winner) throw new Error('HQ package keys were not stored.');
  return winner;
}

async function exportPair(pair: webcrypto.CryptoKeyPair) {
  return {
    privateKey: toB64(await subtle.exportKey('pkcs8', pair.privateKey)),
    publicKey: toB64(await subtle.exportKey('spki', pair.publicKey)),
  };
}

/** The private key imported non-extractable: once loaded it never leaves WebCrypto. */
async function usable(
  stored: StoredKeys['signing'],
  algorithm: typeof signingAlgorithm | typeof agreementAlgorithm,
  usages: webcrypto.KeyUsage[],
): Promise<HqKeyPair> {
  const privateKey = await subtle.importKey(
    'pkcs8',
    Buffer.from(stored.privateKey, 'base64'),
    algorithm,
    false,
    usages,
  );
  return { privateKey, publicKey: stored.publicKey, keyId: await keyId(stored.publicKey) };
}

/** The public halves as the enrollment response carries them. */
export function publicHqKeys(keys: HqKeys): { signing: string; encryption: string } {
  return { signing: keys.signing.publicKey, encryption: keys.encryption.publicKey };
}
