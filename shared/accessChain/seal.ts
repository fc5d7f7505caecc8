import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The access record's chain (issue #16 item 3): every access-log entry a desk writes is
 * numbered (`chainSeq`, 1, 2, 3… per desk) and sealed with HMAC-SHA-256 under the desk's
 * chain key over its number, the previous entry's seal and its own content — who, when,
 * what and why. Removing an entry leaves a gap, editing one breaks its seal, and cutting
 * the end off shows when the desk next reports a head behind what HQ already holds.
 * HQ holds the key from the desk's first push (trust on first use, never replaced) and
 * checks each entry as it arrives (hq/src/sync/authority/accessChain.ts).
 *
 * Pure and synchronous (@noble/hashes): the desk seals inside its write transaction,
 * where an await on WebCrypto would end the IndexedDB transaction.
 */
export interface SealedContent {
  action: string;
  subjectKind: string;
  subjectId: string;
  maskedSubject: string;
  purpose: string;
  /** The account that looked (the op's actor) and when (the op's createdAt). */
  actorId: string;
  at: string;
}

export interface ChainLink {
  chainSeq: number;
  /** The previous entry's seal; '' for the first entry of a desk. */
  prevSeal: string;
  seal: string;
}

export { chainKeyPattern, sealPattern } from './patterns';

/** A new desk chain key: 32 random bytes as hex. */
export function newChainKey(random: (bytes: Uint8Array) => Uint8Array): string {
  return bytesToHex(random(new Uint8Array(32)));
}

/** The text sealed: fixed order, one field per line (no JSON key-order questions). */
function sealedText(seq: number, prevSeal: string, c: SealedContent): string {
  return [
    'access-chain-v1',
    String(seq),
    prevSeal,
    c.action,
    c.subjectKind,
    c.subjectId,
    c.maskedSubject,
    c.purpose,
    c.actorId,
    c.at,
  ]
    .map((part) => part.replaceAll('\\', '\\\\').replaceAll('\n', '\\n'))
    .join('\n');
}

export function sealOf(key: string, seq: number, prevSeal: string, content: SealedContent): string {
  return bytesToHex(hmac(sha256, hexToBytes(key), utf8ToBytes(sealedText(seq, prevSeal, content))));
}

/** The next link after `head` (null: the desk's first entry). */
export function nextLink(
  key: string,
  head: { seq: number; seal: string } | null,
  content: SealedContent,
): ChainLink {
  const chainSeq = (head?.seq ?? 0) + 1;
  const prevSeal = head?.seal ?? '';
  return { chainSeq, prevSeal, seal: sealOf(key, chainSeq, prevSeal, content) };
}

export type ChainBreakKind =
  /** The entry's seal does not match its content: changed after it was written. */
  | 'edited'
  /** Numbers skipped: the entries between were removed before they reached HQ. */
  | 'removed'
  /** The chain went back: entries HQ already holds are gone from the desk. */
  | 'truncated'
  /** An entry without a seal from a desk whose chain has begun. */
  | 'unsealed'
  /** The desk presents another chain key than the one HQ holds for it. */
  | 'key_changed'
  /**
   * Not a break of the chain: a sealed entry in which the desk reports that its at-rest
   * record (the clear `atRest` row of its store) was edited or removed outside the desk.
   */
  | 'store_altered';

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The entry's number where one applies (0 for a key change or an unsealed entry). */
  seq: number;
  /** For 'removed': the numbers missing, first..last. */
  missing?: { from: number; to: number };
}

/**
 * Checks one arriving entry against the chain as HQ holds it (`head`: its last entry;
 * null before the first). Returns the breaks it shows and the new head: a broken entry
 * still becomes the head, so one removal is reported once, not at every later entry.
 * Without the key (HQ has not been given it yet) only the numbering is checked.
 */
export function checkLink(
  key: string | null,
  head: { seq: number; seal: string } | null,
  link: ChainLink,
  content: SealedContent,
): { breaks: ChainBreak[]; head: { seq: number; seal: string } } {
  const breaks: ChainBreak[] = [];
  const expected = (head?.seq ?? 0) + 1;
  if (link.chainSeq < expected) breaks.push({ kind: 'truncated', seq: link.chainSeq });
  else if (link.chainSeq > expected) {
    breaks.push({
      kind: 'removed',
      seq: link.chainSeq,
      missing: { from: expected, to: link.chainSeq - 1 },
    });
  } else if (link.prevSeal !== (head?.seal ?? '')) {
    // In its place, but not after the entry HQ holds there: that one was rewritten.
    breaks.push({ kind: 'edited', seq: link.chainSeq - 1 });
  }
  if (key !== null && sealOf(key, link.chainSeq, link.prevSeal, content) !== link.seal) {
    breaks.push({ kind: 'edited', seq: link.chainSeq });
  }
  return { breaks, head: { seq: link.chainSeq, seal: link.seal } };
}
