import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors/appError';
import { idCardReadingSchema } from '../../../shared/identity/idCardReading';
import type { IpcResult } from '../../../shared/ipc/contract';
import { createHttpIdCardReader } from '../../../electron/idCard/httpReader';
import { idCardHandlers } from '../../../electron/ipc/handlers/idCard';
import { createHandle, type IpcMainLike } from '../../../electron/ipc/registerHandlers';
import { createDeskBridge } from '../../../electron/preloadBridge';
import { createElectronDeskApi } from '../../../renderer/src/platform/deskApi.electron';
import { createWebDeskApi } from '../../../renderer/src/platform/deskApi.web';
import {
  cardData,
  startFakeIdCardReader,
  type FakeIdCardReader,
} from '../../support/fakeIdCardReader';

/**
 * 'idCard:read' end to end without Electron: the renderer's DeskApi → the preload's
 * bridge → the main process's handler (registered as main.ts does) → the real HTTP
 * adapter → a fake reader on loopback. Only ipcRenderer.invoke/ipcMain are stand-ins.
 */
let reader: FakeIdCardReader;
beforeAll(async () => {
  reader = await startFakeIdCardReader();
});
afterAll(async () => {
  await reader.close();
});

function wiredDeskApi() {
  const listeners = new Map<string, (event: IpcMainInvokeEvent, request: unknown) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, listener),
  };
  const handle = createHandle(ipcMain, { onUnexpectedError: () => undefined });
  const handlers = idCardHandlers({
    readerFor: (url) => createHttpIdCardReader({ url, timeoutMs: 2000 }),
  });
  handle('idCard:read', handlers['idCard:read']);
  const event = { senderFrame: { url: 'app://desk/index.html' } } as unknown as IpcMainInvokeEvent;
  const bridge = createDeskBridge(async (channel, request) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler for ${channel}`);
    // Through structured-clone-like JSON, as across the process boundary.
    return JSON.parse(JSON.stringify(await listener(event, request))) as IpcResult<unknown>;
  });
  return createElectronDeskApi(bridge);
}

describe('the renderer reads a card through the one IPC contract', () => {
  it('a good card arrives as a checked reading', async () => {
    reader.answer = { kind: 'card', data: cardData() };
    const reading = await wiredDeskApi().readIdCard({ url: reader.url });
    expect(idCardReadingSchema.parse(reading)).toEqual(reading);
    expect(reading.name).toBe('张三丰');
  });

  it('a bad field arrives as a validation AppError naming it', async () => {
    reader.answer = { kind: 'card', data: cardData({ birthDate: '19610504' }) };
    const error = await wiredDeskApi()
      .readIdCard({ url: reader.url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([
      { path: 'data.birthDate', code: 'idCard.field.invalid' },
    ]);
  });

  it('a non-loopback address is refused in the main process, before any request', async () => {
    const error = await wiredDeskApi()
      .readIdCard({ url: 'http://10.0.0.8:19196/api/readcard' })
      .catch((e: unknown) => e);
    expect((error as AppError).fieldErrors).toEqual([
      { path: 'readerUrl', code: 'idCard.url.notLoopback' },
    ]);
  });

  it('a request without an address is refused as a bad request', async () => {
    const error = await wiredDeskApi()
      .readIdCard({} as { url: string })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).fieldErrors[0]?.path).toBe('url');
  });

  it('the browser build says it cannot read cards', async () => {
    const error = await createWebDeskApi()
      .readIdCard({ url: reader.url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({ reason: 'not_in_browser' });
  });
});
