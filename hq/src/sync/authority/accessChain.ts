import { checkLink, type ChainBreak } from '@shared/accessChain/seal';
import type { AccessLogData } from '@shared/domain/accessLog';
import type { QueueEntry } from '@shared/sync/queueEntry';
import {
  alreadyRemoved,
  heldChain,
  recordChainBreaks,
  saveChainHead,
} from '../../store/accessChains';
import type { AuthorityContext } from './context';
import type { Authorized } from './opAuthority';

/**
 * An access-log entry arriving at HQ, checked against the desk's chain as HQ holds it
 * (shared/accessChain/seal.ts): its number follows the last one, it follows that
 * entry's seal, and its own seal matches its content under the desk's key. A break is
 * recorded for the county, never refused: refusing would lose the record of a look.
 * Checked when the entry is about to be stored (after its schema), so an entry that is
 * not stored moves nothing. Entries of desks made before the chain carry no seal and
 * count for nothing until their desk's first sealed entry has arrived.
 */
export function accessLogAuthority(ctx: AuthorityContext, op: QueueEntry): Authorized {
  if (op.op !== 'create') return { change: op };
  return {
    change: op,
    checkMerged: async () => {
      const entry = op.fields as Partial<AccessLogData>;
      const held = await heldChain(ctx.trx, ctx.device.id);
      if (entry.chainSeq === undefined || entry.seal === undefined) {
        // Only once a sealed entry has arrived: a desk made before the chain pushes its
        // old unsealed looks together with its first sealed one (and its key) after the
        // upgrade, in queue order, and those are no break.
        if (held.head !== null) await note([{ kind: 'unsealed', seq: 0 }]);
        return null;
      }
      const link = { chainSeq: entry.chainSeq, prevSeal: entry.prevSeal ?? '', seal: entry.seal };
      const content = {
        action: entry.action ?? '',
        subjectKind: entry.subjectKind ?? '',
        subjectId: entry.subjectId ?? '',
        maskedSubject: entry.maskedSubject ?? '',
        purpose: entry.purpose ?? '',
        actorId: op.actor.userId,
        at: op.createdAt,
      };
      // Without the key yet (a package before the desk's first push): the numbering is
      // still checked; the seal is checked from the key's arrival on.
      const checked = checkLink(held.key, held.head, link, content);
      // The desk's own report that its store was altered outside it: shown with the
      // chain's breaks, for the county to look into.
      const reported: ChainBreak[] =
        entry.action === 'store_altered' ? [{ kind: 'store_altered', seq: entry.chainSeq }] : [];
      await note([...checked.breaks, ...reported]);
      await saveChainHead(ctx.trx, ctx.device.id, checked.head);
      return null;
    },
  };

  async function note(breaks: ChainBreak[]) {
    const fresh: ChainBreak[] = [];
    for (const b of breaks) {
      // A removal a pull's report already showed (the desk's last entries) is one break.
      if (b.missing && (await alreadyRemoved(ctx.trx, ctx.device.id, b.missing))) continue;
      fresh.push(b);
    }
    await recordChainBreaks(ctx.trx, ctx.device, fresh, ctx.now);
  }
}
