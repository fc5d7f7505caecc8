/**
 * Printing a paper shows sensitive personal information (assistance status, full ID
 * numbers on the 审批表 and 授权书), so it is logged first (PIPL; domain.md "Privacy"):
 * one access-log entry per case on the paper, all in one write, before the print
 * dialog or the PDF. No log, no paper. The entries hold masked IDs only.
 */
import type { PaperKind } from '@shared/programmes/types';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export interface PrintedSubject {
  caseId: string;
  /** The applicant's or head's ID, masked (first 6 + last 4). */
  maskedId: string;
}

export async function logPaperOutput(
  db: DeskDatabase,
  ctx: WriteContext,
  entry: {
    action: 'print' | 'export';
    paper: PaperKind;
    subjects: readonly PrintedSubject[];
    note?: string;
  },
): Promise<void> {
  const purpose = [`paper:${entry.paper}`, entry.note ?? '']
    .filter(Boolean)
    .join(' ')
    .slice(0, 200);
  await write(db, ctx, async (w) => {
    for (const s of entry.subjects) {
      await w.create('accessLog', {
        action: entry.action,
        subjectKind: 'assistanceCase',
        subjectId: s.caseId,
        maskedSubject: s.maskedId,
        purpose,
      });
    }
  });
}
