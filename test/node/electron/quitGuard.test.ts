import { describe, expect, it } from 'vitest';
import type { MenuLanguage } from '@shared/ipc/contract';
import { syncQueueHandlers } from '../../../electron/ipc/handlers/syncQueue';
import { guardWindowClose, QuitGuard, type QuitPrompt } from '../../../electron/sync/quitGuard';

/** A window whose close can be stopped, as BrowserWindow's 'close' event allows. */
function fakeWindow() {
  let listener: ((event: { preventDefault: () => void }) => void) | null = null;
  const window = {
    closed: false,
    on: (_event: 'close', fn: (event: { preventDefault: () => void }) => void) => {
      listener = fn;
    },
    close: () => {
      let stopped = false;
      listener?.({ preventDefault: () => (stopped = true) });
      if (!stopped) window.closed = true;
    },
  };
  return window;
}

/** A dialog that records what it was shown and answers with the next button given. */
function fakeDialog(answers: number[]) {
  const shown: QuitPrompt[] = [];
  const ask = (prompt: QuitPrompt) => {
    shown.push(prompt);
    return Promise.resolve(answers.shift() ?? 1);
  };
  return { shown, ask };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitting with changes not yet at HQ (issue #17 item 1)', () => {
  it('closes at once with nothing queued, asks with the count otherwise, and stays on 不退出', async () => {
    const guard = new QuitGuard();
    const handlers = syncQueueHandlers(guard);
    const window = fakeWindow();
    const dialog = fakeDialog([1, 0]);
    let language: MenuLanguage = 'zh-CN';
    guardWindowClose(window, guard, dialog.ask, () => language);

    handlers['sync:reportQueue']({ queued: 12 }, undefined as never);
    window.close();
    await settle();
    expect(window.closed).toBe(false);
    expect(dialog.shown[0]?.message).toBe('还有 12 条修改尚未同步到县局。');
    expect(dialog.shown[0]?.buttons).toEqual(['仍然退出', '不退出']);
    expect(dialog.shown[0]?.cancelId).toBe(1);

    // 仍然退出: the window closes, the changes stay queued on this PC.
    language = 'en';
    window.close();
    await settle();
    expect(dialog.shown[1]?.message).toBe('12 changes not yet synced to the county bureau.');
    expect(window.closed).toBe(true);
  });

  it('does not ask once the queue is empty again, nor twice while a prompt is open', async () => {
    const guard = new QuitGuard();
    const handlers = syncQueueHandlers(guard);
    const window = fakeWindow();
    let answer: (button: number) => void = () => undefined;
    let asked = 0;
    guardWindowClose(
      window,
      guard,
      () => {
        asked += 1;
        return new Promise<number>((resolve) => (answer = resolve));
      },
      () => 'zh-CN',
    );
    handlers['sync:reportQueue']({ queued: 1 }, undefined as never);
    window.close();
    window.close(); // a second click on × while the prompt shows
    expect(asked).toBe(1);
    answer(1);
    await settle();
    expect(window.closed).toBe(false);

    handlers['sync:reportQueue']({ queued: 0 }, undefined as never);
    window.close();
    expect(asked).toBe(1);
    expect(window.closed).toBe(true);
  });

  it('refuses a report that is not a count, and keeps the last good one', async () => {
    const guard = new QuitGuard();
    const handlers = syncQueueHandlers(guard);
    handlers['sync:reportQueue']({ queued: 3 }, undefined as never);
    for (const bad of [{ queued: -1 }, { queued: 1.5 }, { queued: '9' }, {}, null]) {
      expect(() => handlers['sync:reportQueue'](bad as never, undefined as never)).toThrow();
    }
    expect(guard.onClose()).toBe('ask');
    expect(guard.prompt('zh-CN').message).toContain('3 条');
  });
});
