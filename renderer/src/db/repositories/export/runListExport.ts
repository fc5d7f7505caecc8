import { officeToday } from '@shared/validation/dates';
import type { DeskDatabase } from '../../database';
import { mayExportInFull } from '../../permissions';
import { logAccess } from '../accessLog';
import { loadSettings } from '../settings';
import type { WriteContext } from '../../writeContext';
import { isSensitive, type ListDefinition, type ListSource } from '../../../export/listDefinition';
import { writeListSheet, type ExportProgress } from '../../../export/writeListSheet';
import { readSteadily } from './steadyRead';
import type { WorkOwner } from '../../../state/workOwner';

export interface ListExport {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
  /** Whether personal numbers are in full (and the export was logged). */
  full: boolean;
}

/**
 * Exports one list as the acting user may: personal numbers in full only for a role in
 * fullExportRoles, masked otherwise. A full export is written to the access log through
 * the write path (who and when are the change's own; which list, filter and row count
 * its purpose) before the bytes are handed out: no log, no file.
 *
 * `owner` (state/workOwner.ts) stops the reading once its person has logged out, and
 * holds the log and the file back while the desk is locked: on an Electron desk the store
 * stays open after a logout, and the file would otherwise reach the next person.
 */
export async function runListExport<R>(
  db: DeskDatabase,
  ctx: WriteContext,
  definition: ListDefinition<R>,
  source: ListSource<R>,
  onProgress?: ExportProgress,
  owner?: Pick<WorkOwner, 'check' | 'handOut'>,
): Promise<ListExport> {
  const full = mayExportInFull(ctx) && definition.columns.some((c) => isSensitive(c.type));
  const date = officeToday(ctx.now());
  const office = (await loadSettings(db))?.officeName ?? '';
  // Read again from the start if the list changed under the reading (steadyRead.ts).
  const { bytes, rows } = await readSteadily(db.name, source.tables, (reading, stale) =>
    writeListSheet(
      definition,
      source,
      { office, date, full },
      (done, total) => {
        owner?.check();
        onProgress?.(done, total, reading);
      },
      stale,
    ),
  );
  await owner?.handOut();
  if (full) {
    const filter = source.filterWords || '全部';
    await logAccess(db, ctx, {
      action: 'export',
      subjectKind: 'list',
      subjectId: definition.id,
      maskedSubject: definition.title,
      purpose: `导出${definition.title}（完整证件号码）${rows} 行；筛选：${filter}`.slice(0, 200),
    });
  }
  return { fileName: `${definition.title}_${date}.xlsx`, bytes, rows, full };
}
