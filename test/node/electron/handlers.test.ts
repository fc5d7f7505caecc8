import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { appInfoHandlers } from '../../../electron/ipc/handlers/appInfo';
import { fileHandlers, type FileHandlerDeps } from '../../../electron/ipc/handlers/files';
import { menuLanguageHandlers } from '../../../electron/ipc/handlers/menuLanguage';

const event = { senderFrame: { url: 'app://desk/index.html' } } as unknown as IpcMainInvokeEvent;

async function rejectionOf(promise: unknown): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('app:getInfo', () => {
  it('reports versions from the app and process', () => {
    const handlers = appInfoHandlers({
      app: { getVersion: () => '0.1.0', isPackaged: true },
      platform: 'win32',
      versions: { electron: '45.5.0', chrome: '140.0.1' },
    });
    expect(handlers['app:getInfo'](undefined, event)).toEqual({
      appVersion: '0.1.0',
      platform: 'win32',
      electronVersion: '45.5.0',
      chromeVersion: '140.0.1',
      isPackaged: true,
    });
  });
});

describe('app:setMenuLanguage', () => {
  it('applies a known language', () => {
    const applyMenu = vi.fn();
    menuLanguageHandlers(applyMenu)['app:setMenuLanguage']({ language: 'en' }, event);
    expect(applyMenu).toHaveBeenCalledWith('en');
  });

  it('refuses anything else as a validation error on "language"', async () => {
    const applyMenu = vi.fn();
    const handler = menuLanguageHandlers(applyMenu)['app:setMenuLanguage'];
    const error = await rejectionOf((async () => handler({ language: 'fr' } as never, event))());
    expect(error.code).toBe('validation');
    expect(error.fieldErrors.map((fieldError) => fieldError.path)).toEqual(['language']);
    expect(applyMenu).not.toHaveBeenCalled();
  });
});

describe('file:saveText and file:openText', () => {
  let dir: string;
  let chosenPath: string | undefined;
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: chosenPath === undefined,
      filePath: chosenPath ?? '',
    })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: chosenPath === undefined,
      filePaths: chosenPath === undefined ? [] : [chosenPath],
    })),
  };
  const handlers = () =>
    fileHandlers({
      dialog: dialog as unknown as FileHandlerDeps['dialog'],
      windowFor: () => null,
      defaultDirectory: () => dir,
    });
  const filters = [{ name: '同步包', extensions: ['json'] }];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'desk-files-'));
    chosenPath = undefined;
    dialog.showSaveDialog.mockClear();
    dialog.showOpenDialog.mockClear();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the content where the user chose and leaves no temp file', async () => {
    chosenPath = path.join(dir, '同步包-2026.json');
    const result = await handlers()['file:saveText'](
      { suggestedName: '同步包.json', content: '{"户":1}', filters },
      event,
    );
    expect(result).toEqual({ saved: true, path: chosenPath });
    expect(await readFile(chosenPath, 'utf8')).toBe('{"户":1}');
    expect(await readdir(dir)).toEqual(['同步包-2026.json']);
  });

  it('suggests the name inside the default folder, never a folder of its own', async () => {
    await handlers()['file:saveText'](
      { suggestedName: '../../evil/同步包.json', content: '', filters },
      event,
    );
    const options = dialog.showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string };
    expect(options.defaultPath).toBe(path.join(dir, '同步包.json'));
  });

  it('reports a cancelled save without writing', async () => {
    const result = await handlers()['file:saveText'](
      { suggestedName: 'a.json', content: 'x', filters },
      event,
    );
    expect(result).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects malformed save requests before showing a dialog', async () => {
    const error = await rejectionOf(
      handlers()['file:saveText']({ suggestedName: '', content: 5, filters } as never, event),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldErrors.map((fieldError) => fieldError.path).sort()).toEqual([
      'content',
      'suggestedName',
    ]);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('opens a UTF-8 file, dropping a BOM', async () => {
    chosenPath = path.join(dir, '名单.csv');
    await writeFile(chosenPath, '\uFEFF姓名,身份证号\n', 'utf8');
    const result = await handlers()['file:openText']({ filters }, event);
    expect(result).toEqual({ opened: true, name: '名单.csv', content: '姓名,身份证号\n' });
  });

  it('reports a cancelled open', async () => {
    await expect(handlers()['file:openText']({ filters }, event)).resolves.toEqual({
      opened: false,
    });
  });

  it('says not_found when the chosen file vanished', async () => {
    chosenPath = path.join(dir, 'gone.json');
    const error = await rejectionOf(handlers()['file:openText']({ filters }, event));
    expect(error.code).toBe('not_found');
  });

  it('rejects odd filter extensions', async () => {
    const error = await rejectionOf(
      handlers()['file:openText']({ filters: [{ name: 'x', extensions: ['../json'] }] }, event),
    );
    expect(error.code).toBe('validation');
  });
});
