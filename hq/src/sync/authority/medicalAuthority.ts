import { assistanceCaseDataSchema } from '@shared/domain/assistanceCase';
import type { AppErrorData } from '@shared/errors/appError';
import {
  medicalCoverageDataSchema,
  type MedicalCoverageData,
} from '@shared/medical/coverageRecord';
import { deriveCoverage, type CaseRow } from '@shared/medical/derive';
import { manualCoverageIssues } from '@shared/medical/manualChecks';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { loadRecordsOfKinds } from '../../store/recordStore';
import type { RecordState } from '../merge';
import type { AuthorityContext } from './context';
import type { Authorized } from './opAuthority';
import { flushStaged } from './rollAuthority';

/**
 * A hand 医疗救助 coverage record, judged on the merged record against HQ's own view of
 * the person's coverage (shared/medical/manualChecks.ts, the desk's rules): a category
 * derived from cases is never entered by hand, one hand category at a time, and an
 * overlap with a derived coverage only with a stated reason. The derived coverage is
 * HQ's, computed from the cases as HQ holds them (this batch's steps included).
 */
export function medicalAuthority(ctx: AuthorityContext, op: QueueEntry): Authorized {
  if (op.op === 'delete') return { change: op };
  return { change: op, checkMerged: (state) => coverageRefusal(ctx, state) };
}

async function coverageRefusal(
  ctx: AuthorityContext,
  state: RecordState,
): Promise<AppErrorData | null> {
  const parsed = medicalCoverageDataSchema.safeParse(state.data);
  if (state.deleted || !parsed.success) return null; // the schema check names the field
  const data = parsed.data;
  // The batch's earlier records written first: a second hand record sent with the first
  // is judged against it (the store alone would not hold it yet).
  await flushStaged(ctx);
  const stored = await loadRecordsOfKinds(ctx.trx, ctx.officeId, [
    'assistanceCase',
    'medicalCoverage',
  ]);
  const cases: CaseRow[] = [];
  const manual: { id: string; data: MedicalCoverageData }[] = [];
  const concerns = (d: Record<string, unknown>) =>
    d.personId === data.personId ||
    (Array.isArray(d.coveredPersonIds) && d.coveredPersonIds.includes(data.personId));
  for (const row of stored.filter((r) => concerns(r.data))) {
    // The batch's own changes to a case or record come from the merge, not the store.
    const current = (await ctx.work.load(ctx.officeId, row.kind, row.id)) ?? row;
    if (current.deleted || current.id === state.id) continue;
    if (current.kind === 'assistanceCase') {
      const c = assistanceCaseDataSchema.safeParse(current.data);
      if (c.success && c.data.coveredPersonIds.includes(data.personId)) {
        cases.push({ id: current.id, data: c.data });
      }
    } else {
      const m = medicalCoverageDataSchema.safeParse(current.data);
      if (m.success && m.data.personId === data.personId)
        manual.push({ id: current.id, data: m.data });
    }
  }
  const { rules } = await ctx.facts.referenceFacts();
  const issues = manualCoverageIssues(data, {
    recordId: state.id,
    derived: deriveCoverage(cases),
    manual,
    rules,
  });
  return issues.length > 0
    ? {
        code: 'validation',
        message: 'The coverage record conflicts with the person’s coverage at HQ.',
        fieldErrors: issues,
      }
    : null;
}
