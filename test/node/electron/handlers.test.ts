import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { appInfoHandlers } from '../../../electron/ipc/handlers/appInfo';
import { binaryFileHandlers } from '../../../electron/ipc/handlers/binaryFiles';
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
    const options = dialog.showSaveDialog.mock.calls[0]?.[0] as {
      defaultPath: string;
      properties: string[];
    };
    expect(options.defaultPath).toBe(path.join(dir, '同步包.json'));
    // Out of Windows' recent files: a saved paper's name often names the person.
    expect(options.properties).toContain('dontAddToRecent');
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
    const options = dialog.showOpenDialog.mock.calls[0]?.[0] as { properties: string[] };
    expect(options.properties).toEqual(['openFile', 'dontAddToRecent']);
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

describe('file:saveBytes and file:openBytes', () => {
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
    binaryFileHandlers({
      dialog: dialog as unknown as FileHandlerDeps['dialog'],
      windowFor: () => null,
      defaultDirectory: () => dir,
    });
  const filters = [{ name: '同步包', extensions: ['mzpkg'] }];
  // Every byte value, so nothing is decoded or re-encoded on the way.
  const bytes = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'desk-bytes-'));
    chosenPath = undefined;
    dialog.showSaveDialog.mockClear();
    dialog.showOpenDialog.mockClear();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the bytes exactly where the user chose and leaves no temp file', async () => {
    chosenPath = path.join(dir, '民政同步包_330102001_上报_1.mzpkg');
    const result = await handlers()['file:saveBytes'](
      { suggestedName: '民政同步包.mzpkg', bytes, filters },
      event,
    );
    expect(result).toEqual({ saved: true, path: chosenPath });
    expect(new Uint8Array(await readFile(chosenPath))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['民政同步包_330102001_上报_1.mzpkg']);
  });

  it('suggests the name inside the default folder and offers the filters', async () => {
    await handlers()['file:saveBytes'](
      { suggestedName: '..\\..\\evil/包.mzpkg', bytes, filters },
      event,
    );
    const options = dialog.showSaveDialog.mock.calls[0]?.[0] as {
      defaultPath: string;
      filters: unknown;
    };
    expect(options.defaultPath).toBe(path.join(dir, '包.mzpkg'));
    expect(options.filters).toEqual(filters);
  });

  it("adds the filter's extension when the chosen name has none", async () => {
    chosenPath = path.join(dir, 'U盘备份');
    const result = await handlers()['file:saveBytes'](
      { suggestedName: 'a.mzpkg', bytes, filters },
      event,
    );
    expect(result).toEqual({ saved: true, path: `${chosenPath}.mzpkg` });
    expect(await readdir(dir)).toEqual(['U盘备份.mzpkg']);
  });

  it('never replaces an existing file the dialog did not ask about', async () => {
    chosenPath = path.join(dir, 'U盘备份');
    await writeFile(`${chosenPath}.mzpkg`, 'earlier package');
    const result = await handlers()['file:saveBytes'](
      { suggestedName: 'a.mzpkg', bytes, filters },
      event,
    );
    expect(result).toEqual({ saved: true, path: chosenPath });
    expect(await readFile(`${chosenPath}.mzpkg`, 'utf8')).toBe('earlier package');
  });

  it('reports a cancelled save without writing', async () => {
    const result = await handlers()['file:saveBytes'](
      { suggestedName: 'a.mzpkg', bytes, filters },
      event,
    );
    expect(result).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['a string', 'AAEC'],
    ['an array of numbers', [0, 1, 2]],
    ['an ArrayBuffer', new ArrayBuffer(3)],
    ['nothing', undefined],
  ])('refuses bytes given as %s before showing a dialog', async (_what, given) => {
    const error = await rejectionOf(
      handlers()['file:saveBytes'](
        { suggestedName: 'a.mzpkg', bytes: given, filters } as never,
        event,
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldErrors.map((fieldError) => fieldError.path)).toEqual(['bytes']);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('opens a file as its exact bytes, with its name', async () => {
    chosenPath = path.join(dir, '民政同步包_下发_2.mzpkg');
    await writeFile(chosenPath, bytes);
    const result = await handlers()['file:openBytes']({ filters }, event);
    expect(result.opened).toBe(true);
    expect(result.name).toBe('民政同步包_下发_2.mzpkg');
    expect(result.bytes).toBeInstanceOf(Uint8Array);
    expect(new Uint8Array(result.bytes ?? [])).toEqual(bytes);
    const options = dialog.showOpenDialog.mock.calls[0]?.[0] as { filters: unknown };
    expect(options.filters).toEqual(filters);
  });

  it('opens an empty file as no bytes', async () => {
    chosenPath = path.join(dir, 'empty.mzpkg');
    await writeFile(chosenPath, new Uint8Array(0));
    const result = await handlers()['file:openBytes']({ filters }, event);
    expect(result).toMatchObject({ opened: true, name: 'empty.mzpkg' });
    expect(result.bytes?.byteLength).toBe(0);
  });

  it('reports a cancelled open', async () => {
    await expect(handlers()['file:openBytes']({ filters }, event)).resolves.toEqual({
      opened: false,
    });
  });

  it('refuses a file larger than MAX_OPEN_BYTES without reading it', async () => {
    chosenPath = path.join(dir, 'huge.mzpkg');
    await writeFile(chosenPath, '');
    await truncate(chosenPath, MAX_OPEN_BYTES + 1); // sparse: takes no disk space
    const error = await rejectionOf(handlers()['file:openBytes']({ filters }, event));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual([
      { path: 'file', code: 'file.too_large', params: { maxMegabytes: 512 } },
    ]);
    expect(error.details).toMatchObject({ size: MAX_OPEN_BYTES + 1, maxBytes: MAX_OPEN_BYTES });
  });

  it('says not_found when the chosen file vanished', async () => {
    chosenPath = path.join(dir, 'gone.mzpkg');
    const error = await rejectionOf(handlers()['file:openBytes']({ filters }, event));
    expect(error.code).toBe('not_found');
  });

  it('rejects odd filter extensions', async () => {
    const error = await rejectionOf(
      handlers()['file:openBytes']({ filters: [{ name: 'x', extensions: ['../mzpkg'] }] }, event),
    );
    expect(error.code).toBe('validation');
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
