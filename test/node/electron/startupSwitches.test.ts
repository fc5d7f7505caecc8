import { describe, expect, it } from 'vitest';
import { refusedSwitch } from '../../../electron/startupSwitches';

/**
 * A packaged desk started with a debugging switch would hand the debugger the page (the
 * store's data key, every opened row) or the main process: each spelling is refused, and
 * ordinary arguments are not.
 */
describe('refusedSwitch', () => {
  it('finds the DevTools and inspector switches however they are written', () => {
    for (const arg of [
      '--remote-debugging-port=9222',
      '--remote-debugging-port',
      '-remote-debugging-port=0',
      '--REMOTE-DEBUGGING-PORT=1',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=127.0.0.1:9229',
      '--inspect-brk=0',
      '--inspect-port=9230',
      '--debug',
      '/remote-debugging-port=9222',
      '/Inspect',
    ]) {
      expect(refusedSwitch(['C:\\民政工作台\\民政工作台.exe', arg]), arg).not.toBeNull();
    }
    expect(refusedSwitch(['desk', '--remote-debugging-port=9222'])).toBe('remote-debugging-port');
  });

  it('lets ordinary starts through', () => {
    expect(refusedSwitch(['C:\\民政工作台\\民政工作台.exe'])).toBeNull();
    expect(refusedSwitch(['desk', '--lang=zh-CN', '--no-sandbox-x', 'D:\\inspect.txt'])).toBeNull();
    expect(refusedSwitch(['desk', '--inspector-like=1', '--debugging'])).toBeNull();
    expect(refusedSwitch(['/opt/minzheng-desk/minzheng-desk', '/tmp/a.json'])).toBeNull();
  });
});
