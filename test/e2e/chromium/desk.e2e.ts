import { inject, it } from 'vitest';
import { runDeskScenario } from '../scenario';
import { deskPage, screenshotsDir } from './deskPage';

const desk = deskPage();

it('runs the desk scenario in Chromium on real IndexedDB', async () => {
  const { page } = desk;
  await page.goto(inject('rendererUrl'));
  await runDeskScenario(page, {
    reload: async () => {
      await page.reload();
    },
    ...(screenshotsDir ? { screenshotsDir } : {}),
  });
});
