import { useRef, useState } from 'react';
import { toAppErrorData } from '@shared/errors/appError';
import type { MatchChoice } from '../../db/repositories/import/householdImport';
import { ImportCancelled, type ImportProgress } from '../../db/repositories/import/importRun';
import { reportWorkbook } from '../../db/repositories/import/reportSheet';
import type { RosterDryRun, RosterModule } from '../../db/repositories/import/rosterModules';
import type { RosterSheet } from '../../db/repositories/import/readSheet';
import type { ColumnMapping } from '@shared/import/types';
import { useT } from '../../i18n/useT';
import { writeContext } from '../../state/session';
import { todayDate } from '../common/labels';
import { problemText } from './problemText';
import { saveXlsx } from '../../export/saveXlsx';
import { currentWorkOwner } from '../../state/workOwner';

export type Outcome = { severity: 'success' | 'info' | 'error'; text: string } | null;

/**
 * The import's run for one roster and file: the dry run, the user's link/skip choices,
 * the commit with its progress and cancel, the outcome in words, and the report.
 */
export function useImportRun(
  db: Parameters<RosterModule['dryRun']>[0],
  roster: RosterModule,
  file: { name: string; sheet: RosterSheet | null; mapping: ColumnMapping | null },
) {
  const { t, appError } = useT();
  const { type } = roster;
  const { sheet, mapping } = file;
  const abort = useRef<AbortController | null>(null);
  const [dry, setDry] = useState<RosterDryRun | null>(null);
  const [choices, setChoices] = useState<Map<number, MatchChoice>>(new Map());
  const [busy, setBusy] = useState<'checking' | 'committing' | null>(null);
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0 });
  const [outcome, setOutcome] = useState<Outcome>(null);

  function reset() {
    setDry(null);
    setChoices(new Map());
    setOutcome(null);
  }

  async function check() {
    if (!sheet || !mapping) return;
    reset();
    setBusy('checking');
    setProgress({ done: 0, total: sheet.rows.length });
    try {
      setDry(await roster.dryRun(db, sheet, mapping, todayDate(), setProgress));
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!sheet || !mapping || !dry) return;
    abort.current = new AbortController();
    setProgress({ done: 0, total: roster.plan(dry, choices).rows });
    setBusy('committing');
    setOutcome(null);
    try {
      const done = await roster.commit(
        db,
        writeContext(),
        { sheet, mapping, dry, choices },
        { onProgress: setProgress, signal: abort.current.signal },
      );
      setDry(null);
      setOutcome({ severity: 'success', text: t(`import.done.${type}`, done) });
    } catch (thrown) {
      if (thrown instanceof ImportCancelled) {
        setOutcome({ severity: 'info', text: t('import.cancelled') });
      } else {
        const data = toAppErrorData(thrown);
        const row = typeof data.details?.row === 'number' ? data.details.row : -1;
        const first = data.fieldErrors?.[0];
        const message = first
          ? problemText(
              t,
              { row, group: 'value', code: first.code, params: first.params, severity: 'error' },
              sheet,
            )
          : appError(data);
        setOutcome({
          severity: 'error',
          text: t('import.failedAt', { row: sheet.sheetRowOf[row] ?? '-', message }),
        });
      }
    } finally {
      setBusy(null);
      abort.current = null;
    }
  }

  async function downloadReport() {
    if (!sheet || !dry) return;
    const all = [...dry.problems, ...roster.plan(dry, choices).problems];
    const owner = currentWorkOwner();
    try {
      const bytes = await reportWorkbook(sheet, all, (p) => problemText(t, p, sheet));
      // The whole roster, its ID numbers too: only to the one who asked (workOwner.ts).
      await owner.handOut();
      await saveXlsx(`${file.name.replace(/\.(xlsx|csv)$/i, '')}-检查结果.xlsx`, bytes);
    } catch (thrown) {
      setOutcome({ severity: 'error', text: appError(toAppErrorData(thrown)) });
    }
  }

  const cancel = () => abort.current?.abort();
  const choose = (rows: number[], choice: MatchChoice) =>
    setChoices((before) => {
      const next = new Map(before);
      for (const r of rows) next.set(r, choice);
      return next;
    });

  return {
    dry,
    choices,
    busy,
    progress,
    outcome,
    reset,
    check,
    commit,
    cancel,
    choose,
    downloadReport,
  };
}
