/**
 * Quitting with changes HQ has not got yet (issue #17 item 1; runs in main). The renderer
 * reports the queue's size whenever it changes (`sync:reportQueue`); closing the window
 * while it is above zero stops once to say how many and to offer staying. The changes
 * are kept on this PC either way and sync the next time it runs with a network, so the
 * default button is 退出 only after the person has read why it might matter (a PC that
 * is about to be carried away, reinstalled or handed over).
 */
import type { MenuLanguage } from '@shared/ipc/contract';

export interface QuitPrompt {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  /** [quit, stay]: the answer is the index of the button pressed. */
  buttons: [string, string];
  defaultId: 1;
  cancelId: 1;
}

const words: Record<
  MenuLanguage,
  (queued: number) => Omit<QuitPrompt, 'type' | 'defaultId' | 'cancelId'>
> = {
  'zh-CN': (queued) => ({
    title: '民政工作台',
    message: `还有 ${queued} 条修改尚未同步到县局。`,
    detail:
      '这些修改已保存在本机，下次联网打开工作台时会自动同步。如果这台电脑要搬走、重装或交给别人，请先同步或做一次备份再退出。',
    buttons: ['仍然退出', '不退出'],
  }),
  en: (queued) => ({
    title: 'Civil Affairs Desk',
    message: `${queued} change${queued === 1 ? '' : 's'} not yet synced to the county bureau.`,
    detail:
      'They are saved on this PC and sync the next time the desk runs with a network. If this PC is about to be moved, reinstalled or handed over, sync or make a backup before quitting.',
    buttons: ['Quit anyway', 'Stay'],
  }),
};

export class QuitGuard {
  private queued = 0;
  private confirmed = false;
  private asking = false;

  /** The renderer's latest count (validated by the handler). */
  report(queued: number): void {
    this.queued = queued;
  }

  /** What closing the window does now: close, ask first, or nothing (a prompt is open). */
  onClose(): 'close' | 'ask' | 'wait' {
    if (this.confirmed || this.queued === 0) return 'close';
    return this.asking ? 'wait' : 'ask';
  }

  prompt(language: MenuLanguage): QuitPrompt {
    return { type: 'warning', defaultId: 1, cancelId: 1, ...words[language](this.queued) };
  }

  /** The prompt's answer: true when the window should now close. */
  answered(button: number): boolean {
    this.asking = false;
    if (button === 0) this.confirmed = true;
    return this.confirmed;
  }

  startAsking(): void {
    this.asking = true;
  }
}

/** The window end of it, so the wiring is tested without Electron. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault: () => void }) => void): unknown;
  close(): void;
}

/**
 * Stops the window's close while changes wait, asks (`ask` shows the prompt and resolves
 * with the button pressed), and closes it when the person chose to quit anyway.
 */
export function guardWindowClose(
  window: ClosableWindow,
  guard: QuitGuard,
  ask: (prompt: QuitPrompt) => Promise<number>,
  language: () => MenuLanguage,
): void {
  window.on('close', (event) => {
    const decision = guard.onClose();
    if (decision === 'close') return;
    event.preventDefault();
    if (decision === 'wait') return;
    guard.startAsking();
    ask(guard.prompt(language()))
      .then((button) => {
        if (guard.answered(button)) window.close();
      })
      .catch((error: unknown) => {
        guard.answered(1);
        console.error('[quit] could not ask before quitting', error);
      });
  });
}
