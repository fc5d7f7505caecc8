import {
  recomputationReason,
  recomputeMonth,
  snapshotsDiffer,
  type BenefitRecomputationData,
} from '@shared/dynamics/recomputation';
import { recomputationDiffers } from '@shared/dynamics/recomputationCheck';
import { AppError } from '@shared/errors/appError';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { recomputationsTable } from '../../tables/dynamicsTables';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { calcReference } from './review';

export type BenefitRecomputation = StoredRecord<BenefitRecomputationData>;

/**
 * Drafts a month's recomputation under the standards now in force: every case of the
 * programme paid that month, recomputed for its first day; the changed ones are lines.
 */
export async function prepareRecomputation(
  db: DeskDatabase,
  ctx: WriteContext,
  input: { programme: BenefitRecomputationData['programme']; month: string; standardNote: string },
): Promise<BenefitRecomputation> {
  const [ref, cases] = await Promise.all([
    calcReference(db),
    db.cases.where('programme').equals(input.programme).toArray(),
  ]);
  const { lines, unchangedCount } = recomputeMonth(
    input.programme,
    input.month,
    cases.filter((c) => !c.deleted),
    ref,
  );
  return write(db, ctx, (w) =>
    w.create('benefitRecomputation', {
      ...input,
      status: 'draft',
      lines,
      unchangedCount,
      preparedOn: w.today,
      approvedOn: null,
    }),
  );
}

export async function listRecomputations(db: DeskDatabase): Promise<BenefitRecomputation[]> {
  const all = await recomputationsTable(db).toArray();
  return all.filter((r) => !r.deleted).sort((a, b) => b.month.localeCompare(a.month));
}

/**
 * The supervisor approves the list: in one write transaction the list is marked
 * approved and each line applied as a correction of its case (the reason names the
 * standard). A case whose amount changed since the list was drawn up stops the whole
 * approval (`dynamics.recomputation_stale`): the list is drawn up again.
 */
export async function approveRecomputation(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
): Promise<BenefitRecomputation> {
  if (ctx.actor.role !== 'supervisor') {
    throw new AppError({
      code: 'forbidden',
      message: 'Only a supervisor approves a recomputation.',
      fieldErrors: [{ path: 'status', code: 'dynamics.approve_role' }],
    });
  }
  // The list is still what the desk computes now (HQ computes it again and refuses a list
  // that differs): a standard published since, or a case changed, means drawing it again.
  const [ref, drafted] = await Promise.all([calcReference(db), recomputationsTable(db).get(id)]);
  if (drafted && !drafted.deleted && drafted.status === 'draft') {
    const cases = await db.cases.where('programme').equals(drafted.programme).toArray();
    const now = recomputeMonth(
      drafted.programme,
      drafted.month,
      cases.filter((c) => !c.deleted),
      ref,
    );
    if (recomputationDiffers(drafted, now)) {
      throw new AppError({
        code: 'conflict',
        message: 'The list is not what the standards and cases give now.',
        fieldErrors: [{ path: 'lines', code: 'dynamics.recomputation_lines_differ' }],
      });
    }
  }
  return write(db, ctx, async (w) => {
    const list = await w.get('benefitRecomputation', id);
    if (!list || list.deleted || list.status !== 'draft') {
      throw new AppError({
        code: 'invalid_transition',
        message: 'Only a drafted recomputation is approved.',
        fieldErrors: [{ path: 'status', code: 'dynamics.recomputation_approved' }],
      });
    }
    const approved = await w.update('benefitRecomputation', id, baseVersion, {
      status: 'approved',
      approvedOn: w.today,
    });
    const reason = recomputationReason(list);
    for (const line of list.lines) {
      const c = await w.get('assistanceCase', line.caseId);
      if (!c || c.deleted || snapshotsDiffer(c.benefit, line.oldBenefit)) {
        throw new AppError({
          code: 'conflict',
          message: `The case ${line.applicantName} changed since the list was drawn up.`,
          fieldErrors: [
            {
              path: 'lines',
              code: 'dynamics.recomputation_stale',
              params: { name: line.applicantName },
            },
          ],
        });
      }
      await w.update(
        'assistanceCase',
        line.caseId,
        c.version,
        { benefit: line.newBenefit },
        { reason },
      );
    }
    return approved;
  });
}
