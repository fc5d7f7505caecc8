import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/**
 * Records a CPU profile of the page (CDP `Profiler`, sampling every 100 µs) while `work`
 * runs and writes it to `file` (a .cpuprofile Chromium's DevTools opens). With no file,
 * just runs `work`: `--profile FILE` on a bench row (docs/performance.md).
 */
export async function profileDuring<T>(
  page: Page,
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    await cdp.detach();
  }
}

/**
 * The same for this Node process (the Node desk of `npm run load -- --province`): a
 * CPU profile of `work` through node:inspector, written to `file`; no file, no profile.
 */
export async function profileProcessDuring<T>(
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) return work();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    try {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
    } finally {
      session.disconnect();
    }
  }
}
