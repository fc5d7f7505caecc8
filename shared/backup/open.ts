import { Gunzip, strFromU8 } from 'fflate';
import { importSigningKey, keyId } from '../package/keys';
import { decryptContent, unwrapContentKey } from '../package/envelope';
import {
  fromBase64,
  sha256,
  signatureParams,
  toHex,
  webCrypto,
  type CryptoKeyLike,
} from '../package/webCrypto';
import type { ReadBackup } from './format';
import { importRecoveryPrivateKey, recoveryKeyPair, validRecoveryWords } from './recoveryKey';
import { backupRefusal } from './refusals';

/** One NDJSON line of the payload: a run of rows of one table. */
export interface BackupLine {
  table: string;
  rows: unknown[];
}

/**
 * Checks the signature against the key the file names (and, on the desk that made it,
 * against that desk's own key: `expectedSigner`), then opens the payload with the
 * recovery words. Every failure is one specific refusal; nothing is returned half.
 */
export async function openBackup(
  read: ReadBackup,
  words: readonly string[],
  expectedSigner: string | null,
): Promise<Map<string, unknown[]>> {
  // On the desk that made it, the file must be signed by this desk's own key: a backup
  // forged with the (public) recovery key and signed by any other key is refused.
  if (expectedSigner && read.signerKey !== expectedSigner) throw backupRefusal('backup.tampered');
  let valid: boolean;
  try {
    valid = await webCrypto().subtle.verify(
      signatureParams,
      await importSigningKey(read.signerKey),
      fromBase64(read.signature),
      read.signedBytes,
    );
  } catch {
    valid = false;
  }
  if (!valid) throw backupRefusal('backup.tampered');
  if (!validRecoveryWords(words)) throw backupRefusal('backup.wrong_words');
  const pair = await recoveryKeyPair(words);
  if ((await keyId(pair.publicKey)) !== read.manifest.recoveryKeyId) {
    throw backupRefusal('backup.wrong_words');
  }
  if (toHex(await sha256(read.payload)) !== read.manifest.payload.sha256) {
    throw backupRefusal('backup.tampered');
  }
  const plain = await decrypt(read, (await importRecoveryPrivateKey(pair)) as CryptoKeyLike);
  const tables = parseLines(plain);
  for (const [table, count] of Object.entries(read.manifest.counts)) {
    if ((tables.get(table)?.length ?? 0) !== count) {
      throw backupRefusal('backup.truncated', { table, count });
    }
  }
  for (const table of tables.keys()) {
    if (!(table in read.manifest.counts)) throw backupRefusal('backup.tampered');
  }
  return tables;
}

async function decrypt(read: ReadBackup, privateKey: CryptoKeyLike): Promise<Uint8Array> {
  try {
    const contentKey = await unwrapContentKey(privateKey, read.encryption);
    return await decryptContent(contentKey, read.encryption.iv, read.payload);
  } catch {
    throw backupRefusal('backup.tampered');
  }
}

/** Gunzips line by line: no one string of the whole store is ever built. */
function parseLines(gzip: Uint8Array): Map<string, unknown[]> {
  const tables = new Map<string, unknown[]>();
  let pending: Uint8Array[] = [];
  const take = (line: Uint8Array) => {
    if (line.length === 0) return;
    const parsed = JSON.parse(strFromU8(line)) as Partial<BackupLine>;
    if (typeof parsed.table !== 'string' || !Array.isArray(parsed.rows)) {
      throw new Error('bad line');
    }
    const rows = tables.get(parsed.table) ?? [];
    for (const row of parsed.rows) rows.push(row);
    tables.set(parsed.table, rows);
  };
  const gunzip = new Gunzip((data) => {
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] !== 0x0a) continue;
      pending.push(data.subarray(start, i));
      take(joined(pending));
      pending = [];
      start = i + 1;
    }
    if (start < data.length) pending.push(data.slice(start));
  });
  try {
    gunzip.push(gzip, true);
    take(joined(pending));
  } catch {
    throw backupRefusal('backup.tampered');
  }
  return tables;
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
