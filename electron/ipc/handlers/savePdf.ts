/**
 * 'file:savePdf': the page the user is looking at (e.g. a 志愿服务证明), laid out by its
 * print stylesheet, rendered to PDF by Chromium and written where the user chose. The
 * renderer never sends file bytes or paths: it only names the file to suggest.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { AppError } from '@shared/errors/appError';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';

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
      const options = {
        // basename: a suggested name must not pick the folder for the user.
        defaultPath: path.join(
          deps.defaultDirectory(),
          withPdfExtension(path.basename(suggestedName)),
        ),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const parent = deps.windowFor(event);
      const result = parent
        ? await deps.dialog.showSaveDialog(parent, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false, via: 'file' as const };
      const target = withPdfExtension(result.filePath);
      await writeAtomically(target, pdf);
      return { saved: true, path: target, via: 'file' as const };
    },
  };
}

/** Some platforms' dialogs do not add the filter's extension; a PDF must open as one. */
function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** Next to the target, then renamed over it: a full disk never leaves half a PDF. */
async function writeAtomically(filePath: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    const fsCode = (error as NodeJS.ErrnoException | null)?.code;
    if (fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EBUSY' || fsCode === 'EROFS') {
      throw new AppError({
        code: 'forbidden',
        message: 'The file cannot be written.',
        details: { fsCode },
      });
    }
    if (fsCode === 'ENOSPC') {
      throw new AppError({
        code: 'unavailable',
        message: 'The disk is full.',
        details: { fsCode },
      });
    }
    throw error;
  }
}
