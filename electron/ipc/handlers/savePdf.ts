/**
 * 'file:savePdf': the page the user is looking at (e.g. a 志愿服务证明), laid out by its
 * print stylesheet, rendered to PDF by Chromium and written where the user chose. The
 * renderer never sends file bytes or paths: it only names the file to suggest.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';
import { chooseSavePath, rethrowFsError, writeAtomically } from './fileAccess';

const requestSchema = z.object({ suggestedName: z.string().trim().min(1).max(200) });

export interface SavePdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window that asked, so the dialog is modal to it. */
  windowFor: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  defaultDirectory: () => string;
}

/** Only what the handler uses of the sender, so a test can pass a stand-in. */
type PdfSource = Pick<WebContents, 'printToPDF'>;

export function savePdfHandlers(deps: SavePdfDeps): Pick<IpcHandlers, 'file:savePdf'> {
  return {
    'file:savePdf': async (request, event) => {
      const { suggestedName } = parseRequest(requestSchema, request);
      // Render before the dialog: the PDF is the page as the user asked for it.
      const pdf = await (event.sender as PdfSource).printToPDF({
        printBackground: true,
        // The stylesheet's @page sets A4 and the margins, as in the print dialog.
        preferCSSPageSize: true,
      });
      const chosen = await chooseSavePath(
        deps,
        event,
        withPdfExtension(path.basename(suggestedName)),
        [{ name: 'PDF', extensions: ['pdf'] }],
      );
      if (chosen === null) return { saved: false, via: 'file' as const };
      const target = withPdfExtension(chosen);
      await writeAtomically(target, pdf).catch(rethrowFsError);
      return { saved: true, path: target, via: 'file' as const };
    },
  };
}

/** Some platforms' dialogs do not add the filter's extension; a PDF must open as one. */
function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
