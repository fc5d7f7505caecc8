import type { QueueEntry } from '@shared/sync/queueEntry';
import type { AppliedOp } from '../sync/applyBatch';

/**
 * What an import did with a package's ops. `alreadyHeld` ops reached HQ before (pushed
 * online, or an earlier package) and applied nothing now; the others are counted by
 * their result. `counts` is per record kind, as the package carries them.
 */
export interface ImportedOps {
  total: number;
  applied: number;
  conflicts: number;
  rejected: number;
  /** Ops after a missing one: the desk keeps them and sends them again. */
  deferred: number;
  alreadyHeld: number;
  counts: Record<string, number>;
}

export function importSummary(ops: QueueEntry[], applied: AppliedOp[]): ImportedOps {
  const summary: ImportedOps = {
    total: ops.length,
    applied: 0,
    conflicts: 0,
    rejected: 0,
    deferred: 0,
    alreadyHeld: 0,
    counts: {},
  };
  for (const op of ops) summary.counts[op.kind] = (summary.counts[op.kind] ?? 0) + 1;
  for (const { result, repeated } of applied) {
    if (repeated) summary.alreadyHeld += 1;
    else if (result.status === 'applied') summary.applied += 1;
    else if (result.status === 'conflict') summary.conflicts += 1;
    else if (result.status === 'rejected') summary.rejected += 1;
    else summary.deferred += 1;
  }
  return summary;
}
