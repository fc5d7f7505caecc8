import { useState } from 'react';
import { flushSync } from 'react-dom';
import PdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useSession, writeContext } from '../../state/session';
import type { useFieldErrors } from '../../ui/useFieldErrors';
import {
  logPaperOutput,
  type PrintedPaper,
  type PrintedSubject,
} from '../../db/repositories/papers/paperLog';
import { currentWorkOwner } from '../../state/workOwner';

/**
 * 打印 / 保存为 PDF for a paper on screen: logged first, then the print dialog (browser
 * and Electron) or Electron's printToPDF of the same print layout (savePdf IPC; the web
 * build opens its print dialog, where "Save as PDF" is a printer).
 *
 * `unmasked` is true only between the log and the end of the output: a paper that
 * prints full ID numbers (审批表, 授权书) shows them masked on screen and in its print
 * copy at all other times, so neither the preview nor a print started from the
 * browser's own menu shows a full number without a log entry (as PersonScreen's
 * 显示完整号码 logs first).
 */
export function usePaperOutput(props: {
  paper: PrintedPaper;
  subjects: readonly PrintedSubject[] | null;
  fileName: string;
  note?: string;
  errors: ReturnType<typeof useFieldErrors>;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [unmasked, setUnmasked] = useState(false);
  const { errors } = props;

  async function output(action: 'print' | 'export') {
    errors.clear();
    setSavedPath(null);
    if (!props.subjects) return;
    const owner = currentWorkOwner();
    try {
      // Nothing logged, unmasked or offered over the lock screen, or once its person has
      // gone (state/workOwner.ts).
      const subjects = props.subjects;
      await owner.loggedHandOut(() =>
        logPaperOutput(db, writeContext(), {
          action,
          paper: props.paper,
          subjects,
          ...(props.note ? { note: props.note } : {}),
        }),
      );
      // The print copy is re-rendered with the full numbers before the output reads it.
      flushSync(() => setUnmasked(true));
      try {
        if (action === 'print') {
          window.print();
          return;
        }
        const result = await getDeskApi().savePagePdf({ suggestedName: props.fileName });
        if (result.saved && result.path) setSavedPath(result.path);
      } finally {
        setUnmasked(false);
      }
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const disabled = !props.subjects || props.subjects.length === 0;
  const buttons = (
    <>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        disabled={disabled}
        onClick={() => void output('print')}
        data-testid="paper-print"
      >
        {t('papers.print')}
      </Button>
      <Button
        variant="contained"
        startIcon={<PdfIcon />}
        disabled={disabled}
        onClick={() => void output('export')}
        data-testid="paper-pdf"
      >
        {t('papers.savePdf')}
      </Button>
    </>
  );
  const saved = savedPath && (
    <Alert severity="success">{t('papers.saved', { path: savedPath })}</Alert>
  );
  return { buttons, saved, unmasked };
}
