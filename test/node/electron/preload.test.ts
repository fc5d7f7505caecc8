import { describe, expect, it, vi } from 'vitest';
import { deskApiChannels, ipcChannels, type IpcChannel } from '@shared/ipc/contract';
import { createDeskBridge } from '../../../electron/preloadBridge';

// preload.ts imports electron; this stand-in is all it gets, so the real module (which
// would try to download the binary) is never loaded.
const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: undefined })));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

const contractNames = Object.keys(deskApiChannels).sort();

describe('the preload', () => {
  it('exposes window.desk with exactly the contract functions, nothing generic', async () => {
    await import('../../../electron/preload');
    expect([...exposed.keys()]).toEqual(['desk']);
    const desk = exposed.get('desk') as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual(contractNames);
    for (const name of contractNames) expect(typeof desk[name], name).toBe('function');
    expect(desk).not.toHaveProperty('invoke');
  });

  it('forwards each call to ipcRenderer.invoke on its own channel', async () => {
    await import('../../../electron/preload');
    const desk = exposed.get('desk') as { setMenuLanguage: (language: string) => Promise<unknown> };
    await desk.setMenuLanguage('en');
    expect(invoke).toHaveBeenLastCalledWith('app:setMenuLanguage', { language: 'en' });
  });
});

describe('createDeskBridge', () => {
  it('covers every channel of the contract once', () => {
    expect([...new Set(Object.values(deskApiChannels))].sort()).toEqual([...ipcChannels].sort());
  });

  it('maps each function to its channel and request', async () => {
    const calls: [IpcChannel, unknown][] = [];
    const bridge = createDeskBridge(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    });
    expect(Object.keys(bridge).sort()).toEqual(contractNames);

    const filters = [{ name: '同步包', extensions: ['json'] }];
    await bridge.getAppInfo();
    await bridge.setMenuLanguage('zh-CN');
    await bridge.saveTextFile({ suggestedName: 'a.json', content: '{}', filters });
    await bridge.openTextFile({ filters });
    await bridge.savePagePdf({ suggestedName: '证明.pdf' });
    const bytes = new Uint8Array([1, 2, 3]);
    const packages = [{ name: '同步包', extensions: ['mzpkg'] }];
    await bridge.saveBytesFile({ suggestedName: 'a.mzpkg', bytes, filters: packages });
    await bridge.openBytesFile({ filters: packages });
    expect(calls).toEqual([
      ['app:getInfo', undefined],
      ['app:setMenuLanguage', { language: 'zh-CN' }],
      ['file:saveText', { suggestedName: 'a.json', content: '{}', filters }],
      ['file:openText', { filters }],
      ['file:savePdf', { suggestedName: '证明.pdf' }],
      ['file:saveBytes', { suggestedName: 'a.mzpkg', bytes, filters: packages }],
      ['file:openBytes', { filters: packages }],
    ]);
  });
});
