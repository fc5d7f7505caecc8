import { expect, inject, it } from 'vitest';
import { admin, completeFirstRun, logIn, tryLogIn } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * From a login to the shell (issue #17 item 2): the shell's chunk is fetched while the
 * login screen shows, and once it is here the shell follows the login at once. Through
 * React.lazy it suspended all the same, showing 加载中… and then, by React's throttle of
 * Suspense fallbacks, holding the shell back for 300 ms (ui/chunkComponent.tsx).
 */
const desk = deskPage();

/** Notes each time the loading screen appears (from before the page's scripts). */
function noteLoading() {
  const seen: number[] = [];
  (window as unknown as { loadingShown: number[] }).loadingShown = seen;
  let showing = false;
  new MutationObserver(() => {
    const now = document.body?.innerText.includes('加载中…') ?? false;
    if (now && !showing) seen.push(performance.now());
    showing = now;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

it('shows the shell right after a login, with no loading screen between', async () => {
  const { page } = desk;
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.context().addInitScript(noteLoading);
  await page.reload();
  await page.getByRole('button', { name: '登录' }).waitFor();
  // The shell's chunk is fetched while the login screen shows: its file is in, and no
  // other file (its imports) came in for 300 ms.
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('/ShellRoot-')),
  );
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const files = performance.getEntriesByType('resource').length;
        setTimeout(() => resolve(performance.getEntriesByType('resource').length === files), 300);
      }),
  );
  const before = await page.evaluate(
    () => (window as unknown as { loadingShown: number[] }).loadingShown.length,
  );
  await tryLogIn(page, admin);
  await page.getByTestId('queued-count').waitFor();
  const after = await page.evaluate(
    () => (window as unknown as { loadingShown: number[] }).loadingShown.length,
  );
  expect(after - before).toBe(0);
});
