import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { savePdfHandlers, type SavePdfDeps } from '../../../electron/ipc/handlers/savePdf';

const pdfBytes = Buffer.from('%PDF-1.7 志愿服务证明');

describe('file:savePdf', () => {
  let dir: string;
  let chosenPath: string | undefined;
  const printToPDF = vi.fn(async (_options: unknown) => pdfBytes);
  const event = {
    senderFrame: { url: 'app://desk/index.html' },
    sender: { printToPDF },
  } as unknown as IpcMainInvokeEvent;
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: chosenPath === undefined,
      filePath: chosenPath ?? '',
    })),
  };
  const handler = () =>
    savePdfHandlers({
      dialog: dialog as unknown as SavePdfDeps['dialog'],
      windowFor: () => null,
      defaultDirectory: () => dir,
    })['file:savePdf'];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'desk-pdf-'));
    chosenPath = undefined;
    printToPDF.mockClear();
    dialog.showSaveDialog.mockClear();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("renders the sender's page with its print stylesheet and writes it where the user chose", async () => {
    chosenPath = path.join(dir, '证明.pdf');
    const result = await handler()({ suggestedName: '志愿服务证明-陈志愿.pdf' }, event);
    expect(result).toEqual({ saved: true, path: chosenPath, via: 'file' });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ preferCSSPageSize: true }));
    expect(await readFile(chosenPath)).toEqual(pdfBytes);
    expect(await readdir(dir)).toEqual(['证明.pdf']);
  });

  it('suggests a .pdf name inside the default folder, never a folder of its own', async () => {
    await handler()({ suggestedName: '../../evil/志愿服务证明' }, event);
    const options = dialog.showSaveDialog.mock.calls[0]?.[0] as {
      defaultPath: string;
      filters: { extensions: string[] }[];
      properties: string[];
    };
    expect(options.defaultPath).toBe(path.join(dir, '志愿服务证明.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    // Out of Windows' recent files: the name names the volunteer.
    expect(options.properties).toContain('dontAddToRecent');
  });

  it('adds .pdf when the dialog returns a name without it', async () => {
    chosenPath = path.join(dir, '证明');
    const result = await handler()({ suggestedName: 'a.pdf' }, event);
    expect(result.path).toBe(`${chosenPath}.pdf`);
  });

  it('reports a cancelled save without writing', async () => {
    const result = await handler()({ suggestedName: 'a.pdf' }, event);
    expect(result).toEqual({ saved: false, via: 'file' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects a malformed request before rendering anything', async () => {
    const error = await Promise.resolve(handler()({ suggestedName: '' }, event)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'suggestedName' }] });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('fails without leaving a temporary file when the target cannot be written', async () => {
    chosenPath = path.join(dir, 'missing-folder', '证明.pdf');
    const error = await Promise.resolve(handler()({ suggestedName: 'a.pdf' }, event)).catch(
      (e: unknown) => e,
    );
    // A vanished folder (a USB stick pulled out) is said as the other files' writes say it.
    expect(error).toMatchObject({ code: 'not_found', details: { fsCode: 'ENOENT' } });
    expect(await readdir(dir)).toEqual([]);
  });
});
