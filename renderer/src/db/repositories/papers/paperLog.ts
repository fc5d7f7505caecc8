/**
 * Printing a paper shows sensitive personal information (assistance status, full ID
 * numbers on the 审批表, 授权书, 户籍登记表 and 花名册), so it is logged first (PIPL;
 * domain.md "Privacy"): one access-log entry per subject on the paper (each case, the
 * household and its members, or the office for its figures), all in one write, before the print dialog
 * or the PDF. No log, no paper. The entries hold masked IDs only.
 */
import type { OfficePaperKind } from '@shared/papers/types';
import type { PaperKind } from '@shared/programmes/types';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';

export type PrintedPaper = PaperKind | OfficePaperKind;

export interface PrintedSubject {
  /** The case's id, or the household's / person's / office's with `kind`. */
  caseId: string;
  /** What the id names: 'assistanceCase' unless said ('household', 'office'). */
  kind?: 'assistanceCase' | 'household' | 'person' | 'office';
  /** The applicant's or head's ID, masked (first 6 + last 4). */
  maskedId: string;
}

export async function logPaperOutput(
  db: DeskDatabase,
  ctx: WriteContext,
  entry: {
    action: 'print' | 'export';
    paper: PrintedPaper;
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
        subjectKind: s.kind ?? 'assistanceCase',
        subjectId: s.caseId,
        maskedSubject: s.maskedId,
        purpose,
      });
    }
  });
}
