import { maxRequestBytes } from './httpApi';
import { maxPushOps } from './protocol';
import type { QueueEntry } from './queueEntry';

/**
 * Bytes of a push body the desk sends at most: three quarters of what HQ reads (and
 * the Electron client lets out), so a batch is never refused for its size.
 */
export const pushBodyBudget = Math.floor((maxRequestBytes * 3) / 4);

/**
 * The longest front of the batch with at most `maxOps` ops whose push body
 * (`{"ops":[…]}` as JSON, UTF-8) stays within the budget, cut after a whole local
 * transaction (HQ links the ops of a workflow step within one batch), as the store's
 * `pendingOps` cuts by count. Only a transaction that alone is over the budget is
 * split, and at least one op always goes.
 */
export function withinPushBudget(
  ops: QueueEntry[],
  budget = pushBodyBudget,
  maxOps = maxPushOps,
): QueueEntry[] {
  let bytes = '{"ops":[]}'.length;
  let fits = 0;
  let wholeTx = 0;
  for (const [i, op] of ops.entries()) {
    if (i >= maxOps) break;
    bytes += utf8Length(JSON.stringify(op)) + (i > 0 ? 1 : 0);
    if (bytes > budget) break;
    fits = i + 1;
    if (ops[i + 1]?.txId !== op.txId) wholeTx = i + 1;
  }
  if (fits === ops.length) return ops;
  return ops.slice(0, wholeTx > 0 ? wholeTx : Math.max(fits, 1));
}

/** UTF-8 length of text (no TextEncoder copy; a surrogate pair is 2 + 2 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
