import { AppError } from '@shared/errors/appError';
import type { DeskDatabase } from '../../database';
import { requireRole } from '../../permissions';
import { paymentRollsTable } from '../../tables/rollTables';
import type { WriteContext } from '../../writeContext';
import { logAccess } from '../accessLog';
import { rollWorkbook } from './rollSheet';
import type { WorkOwner } from '../../../state/workOwner';

/**
 * The approved roll as XLSX for the bank, with full ID and account numbers: only a
 * supervisor makes it, and every export is logged (accessLog, written before the bytes
 * exist, so a failure to log means no file).
 */
export async function exportRoll(
  db: DeskDatabase,
  ctx: WriteContext,
  rollId: string,
  /** Whose export this is (state/workOwner.ts): gone or locked out, nothing is logged. */
  owner?: Pick<WorkOwner, 'handOut'>,
): Promise<{ suggestedName: string; bytes: Uint8Array<ArrayBuffer> }> {
  requireRole(ctx, ['supervisor'], 'export payment rolls');
  const roll = await paymentRollsTable(db).get(rollId);
  if (!roll || roll.deleted) throw new AppError({ code: 'not_found', message: 'No such roll.' });
  if (roll.status !== 'approved') {
    throw new AppError({
      code: 'invalid_transition',
      message: 'Only an approved roll goes to the bank.',
      fieldErrors: [{ path: 'status', code: 'roll.export_not_approved' }],
    });
  }
  const label = `${roll.programme} ${roll.month} v${roll.rollVersion}`;
  // The file first: an export that could not be made is not logged as made.
  const bytes = await rollWorkbook(roll, (line) => line.headIdNumber);
  await owner?.handOut();
  await logAccess(db, ctx, {
    action: 'export',
    subjectKind: 'paymentRoll',
    subjectId: roll.id,
    maskedSubject: `${label} (${roll.lines.length})`,
    purpose: '发放花名册导出（银行/财政）',
  });
  return {
    suggestedName: `发放花名册-${roll.programme}-${roll.month}-第${roll.rollVersion}版.xlsx`,
    bytes,
  };
}
