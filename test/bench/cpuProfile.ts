import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/**
 * Records a CPU profile of the page (CDP `Profiler`, sampling every 100 µs) while `work`
 * runs and writes it to `file` (a .cpuprofile Chromium's DevTools opens). With no file,
 * just runs `work`: `--profile FILE` on a bench row (docs/performance.md).
 */
export function profileDuring<T>(
  page: Page,
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return recordDuring(page, file, work, {
    start: async (cdp) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    stop: async (cdp) => JSON.stringify((await cdp.send('Profiler.stop')).profile),
  });
}

/**
 * A recording of the page through CDP while `work` runs (`start`, then `stop` giving the
 * file's text), written to `file`; no file, no recording.
 */
async function recordDuring<T>(
  page: Page,
  file: string | undefined,
  work: () => Promise<T>,
  recording: {
    start: (cdp: CDPSession) => Promise<void>;
    stop: (cdp: CDPSession) => Promise<string>;
  },
): Promise<T> {
  if (!file) return work();
  const cdp = await page.context().newCDPSession(page);
  await recording.start(cdp);
  try {
    return await work();
  } finally {
    await writeFile(file, await recording.stop(cdp));
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

/**
 * Records a Chrome trace (CDP `Tracing`, the page's target: the browser process's
 * IndexedDB and LevelDB work comes with it, as in DevTools' Performance panel) while
 * `work` runs and writes it to `file` (the JSON chrome://tracing and Perfetto open). The
 * categories say what holds a read up: the store's backend, its LevelDB, garbage
 * collection, each thread's tasks, and the page's own marks (performance.measure). No
 * file, no trace: `--trace FILE` on `--only grid` (docs/performance.md).
 */
export function traceDuring<T>(
  page: Page,
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return recordDuring(page, file, work, {
    start: async (cdp) => {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          recordMode: 'recordAsMuchAsPossible',
          includedCategories: [
            'blink.user_timing',
            'IndexedDB',
            'leveldb',
            'v8.gc',
            'disabled-by-default-v8.gc',
            'toplevel',
            'disabled-by-default-devtools.timeline',
          ],
        },
      });
    },
    stop: async (cdp) => {
      const complete = new Promise<string | undefined>((resolve) =>
        cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream)),
      );
      await cdp.send('Tracing.end');
      const stream = await complete;
      if (!stream) return '';
      const chunks: string[] = [];
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
        chunks.push(base64Encoded === true ? Buffer.from(data, 'base64').toString('utf8') : data);
        if (eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      return chunks.join('');
    },
  });
}
