import {
  newChainKey,
  nextLink,
  type ChainLink,
  type SealedContent,
} from '@shared/accessChain/seal';
import type { DeskDatabase } from './database';
import { accessChainKeyMetaKey } from './atRest/sealedMetaKeys';

/**
 * The desk's side of the access record's chain (shared/accessChain/seal.ts): its key and
 * the head (last number and seal), kept in `meta` and advanced inside the write
 * transaction that writes the entry, so an entry and its place in the chain are saved
 * together or not at all. The key is made at the first entry; the sync engine hands it
 * to HQ with every push (accessChainKeyOf), and HQ keeps the first it sees. The key's
 * row is sealed under the store's data key (db/atRest/sealedMetaKeys.ts).
 */
const keyKey = accessChainKeyMetaKey;
const headKey = 'accessChainHead';

export interface ChainHead {
  seq: number;
  seal: string;
}

function isHead(value: unknown): value is ChainHead {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ChainHead).seq === 'number' &&
    typeof (value as ChainHead).seal === 'string'
  );
}

/** Numbers and seals the next entry; must run inside the write transaction. */
export async function sealNextEntry(db: DeskDatabase, content: SealedContent): Promise<ChainLink> {
  const [keyRow, headRow] = await db.meta.bulkGet([keyKey, headKey]);
  let key = typeof keyRow?.value === 'string' ? keyRow.value : null;
  if (!key) {
    key = newChainKey((bytes) => crypto.getRandomValues(bytes));
    await db.meta.put({ key: keyKey, value: key });
  }
  const link = nextLink(key, isHead(headRow?.value) ? headRow.value : null, content);
  await db.meta.put({ key: headKey, value: { seq: link.chainSeq, seal: link.seal } });
  return link;
}

/** The chain key HQ is given with each push; null before the desk's first entry. */
export async function accessChainKeyOf(db: DeskDatabase): Promise<string | null> {
  const row = await db.meta.get(keyKey);
  return typeof row?.value === 'string' ? row.value : null;
}

/** The desk's chain head (its report to HQ); null before the first entry. */
export async function accessChainHeadOf(db: DeskDatabase): Promise<ChainHead | null> {
  const row = await db.meta.get(headKey);
  return isHead(row?.value) ? row.value : null;
}
