import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/chromium/browser';
import { admin, completeFirstRun, logIn } from '../e2e/deskSession';
import { defaultPasswordIterations } from '../../renderer/src/auth/password';
import { defaultDatabaseName } from '../../renderer/src/db/database';
import { bareStartRun, writeBareStart, type BareStartRun } from './bareStart';
import type { OfficeSize } from './generator';
import { repoRoot } from './pageServer';
import { serveBuiltRenderer } from './builtRenderer';
import { profileDuring, traceDuring } from './cpuProfile';

/**
 * Cold start of the built renderer with the whole office in IndexedDB. The renderer is
 * built (Vite, production) into the bench's own folder and served by Vite's preview
 * server, as the e2e tests serve dist/renderer. On one on-disk profile: the first run
 * (office + administrator) through the UI, then the office bulk-loaded into the app's
 * database from a page of the same origin (page/coldStartLoader.ts). Then, `runs` times,
 * a new Chromium on that profile opens the app and logs in; marks taken in the page
 * (an init script: MutationObserver + a capture listener for the form's submit) give
 *   - navigation start → the login form ready (its submit button enabled),
 *   - login submit → the shell (queued-count) and → the first person rows with data.
 * Each run is paired with a bare start (bareStart.ts) in its own new Chromium on the same
 * profile, which goes first alternating; the target is the ratio of the two medians.
 */
export interface ColdStartRun {
  loginReadyMs: number;
  submitToShellMs: number;
  submitToRowsMs: number;
  totalMs: number;
}

export interface ColdStartFigures {
  records: number;
  persons: number;
  loadMs: number;
  runs: ColdStartRun[];
  /** The run with the median total (its parts add up; the JSON has every run). */
  median: ColdStartRun;
  /** The bare starts, one beside each run, and the median of their times to the rows. */
  bareRuns: BareStartRun[];
  bareMedianMs: number;
  /** The median PBKDF2 of the login's iterations, timed in the bare page. */
  pbkdf2MedianMs: number;
  /** How fast the login was typed (ms a key); undefined: filled at once. */
  typedKeyMs?: number;
}

/**
 * The administrator's password typed a key at a time (and the name, unless the login
 * screen remembers it from the last login, as at a desk in use), then the form submitted.
 */
async function typeLogin(page: Page, keyMs: number): Promise<void> {
  const name = page.getByLabel('用户名', { exact: true });
  if ((await name.inputValue()) !== admin.username) {
    await name.fill('');
    await name.pressSequentially(admin.username, { delay: keyMs });
  }
  await page.getByLabel('密码', { exact: true }).pressSequentially(admin.password, {
    delay: keyMs,
  });
  await page.getByRole('button', { name: '登录' }).click();
}

interface Marks {
  loginReady?: number;
  submit?: number;
  shell?: number;
  rows?: number;
}

declare global {
  interface Window {
    benchMarks: Marks;
  }
}

/** Runs in the page before its scripts: notes when each milestone first appears. */
function installMarks() {
  const marks: Marks = {};
  window.benchMarks = marks;
  const check = () => {
    const now = performance.now();
    if (
      marks.loginReady === undefined &&
      document.querySelector('input[type="password"]') &&
      document.querySelector('form button[type="submit"]:not([disabled])')
    )
      marks.loginReady = now;
    if (marks.submit !== undefined) {
      if (marks.shell === undefined && document.querySelector('[data-testid="queued-count"]'))
        marks.shell = now;
      if (
        marks.rows === undefined &&
        document.querySelector('[data-testid="person-row"] [role="gridcell"]')
      )
        marks.rows = now;
    }
  };
  document.addEventListener('submit', () => (marks.submit ??= performance.now()), true);
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
}

async function loaderScript(): Promise<string> {
  const result = await esbuild({
    entryPoints: [`${repoRoot}test/bench/page/coldStartLoader.ts`],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    alias: { '@shared': `${repoRoot}shared` },
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

export async function runColdStart(
  seed: number,
  size: OfficeSize,
  runs: number,
  log: (line: string) => void,
  /** `--profile FILE`: a CPU profile of the page through the last run (open to rows). */
  profile?: string,
  /**
   * `--typed MS`: the name and password typed a key every MS ms, as a person types them
   * (the shell is fetched meanwhile, as the login screen means it to be); without it,
   * filled at once and submitted the moment the form is ready.
   */
  typedKeyMs?: number,
  /** `--trace FILE`: a Chrome trace (IndexedDB, LevelDB, each thread's tasks) of the last run. */
  trace?: string,
): Promise<ColdStartFigures> {
  const server = await serveBuiltRenderer(
    (line) => log(`cold start: ${line}`),
    (outDir) => writeBareStart(outDir, defaultDatabaseName, defaultPasswordIterations),
  );
  const profileDir = await mkdtemp(join(tmpdir(), 'desk-cold-'));
  try {
    const { url, origin } = server;

    // Setup on the profile: the first run, then the office written into the app's database.
    const setup = await launch(profileDir);
    let loaded: { records: number; persons: number; loadMs: number };
    try {
      const page = setup.pages()[0] ?? (await setup.newPage());
      await page.goto(url);
      // The administrator of this small office also registers: it lands on the persons list.
      await completeFirstRun(page, undefined, { casework: true });
      await logIn(page);
      const script = await loaderScript();
      await page.route(`${origin}/__bench/loader.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><meta charset="utf-8"><script src="/__bench/loader.js"></script>',
        }),
      );
      await page.route(`${origin}/__bench/loader.js`, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: script }),
      );
      await page.goto(`${origin}/__bench/loader.html`);
      log('cold start: loading the office into the app database…');
      loaded = await page.evaluate(
        ([s, z, u, p]) => window.coldStartLoader.loadOffice(s, z, u, p),
        [seed, size, admin.username, admin.password] as const,
      );
      log(`cold start: ${loaded.records} records loaded in ${loaded.loadMs} ms`);
    } finally {
      await setup.close();
    }

    const results: ColdStartRun[] = [];
    const bareRuns: BareStartRun[] = [];
    const bare = async (traceFile?: string) => {
      const context = await launch(profileDir);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const run = await traceDuring(page, traceFile, () => bareStartRun(context, origin));
        // A traced start is slower for its tracing: logged, not counted.
        if (traceFile) log(`bare start, traced into ${traceFile}: ${JSON.stringify(run)}`);
        else {
          log(`bare start ${bareRuns.length + 1}/${runs}: ${JSON.stringify(run)}`);
          bareRuns.push(run);
        }
      } finally {
        await context.close();
      }
    };
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) await bare();
      const context = await launch(profileDir);
      try {
        await context.addInitScript(installMarks);
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => console.error('[cold start]', error.message));
        const last = i === runs - 1;
        const record = trace && last ? traceDuring : profileDuring;
        await record(page, last ? (trace ?? profile) : undefined, async () => {
          await page.goto(url);
          await page.waitForFunction(() => window.benchMarks.loginReady !== undefined);
          if (typedKeyMs) await typeLogin(page, typedKeyMs);
          else await logIn(page, admin);
          await page.waitForFunction(() => window.benchMarks.rows !== undefined, null, {
            timeout: 120_000,
          });
        });
        const marks = await page.evaluate(() => window.benchMarks);
        const { loginReady = 0, submit = 0, shell = 0, rows = 0 } = marks;
        const run = {
          loginReadyMs: Math.round(loginReady),
          submitToShellMs: Math.round(shell - submit),
          submitToRowsMs: Math.round(rows - submit),
          totalMs: Math.round(loginReady + rows - submit),
        };
        log(`cold start ${i + 1}/${runs}: ${JSON.stringify(run)}`);
        results.push(run);
      } finally {
        await context.close();
      }
      if (i % 2 === 1) await bare();
    }
    // With `--trace FILE`, one more bare start, traced into FILE.bare.json (not counted).
    if (trace) await bare(trace.replace(/(\.json)?$/, '.bare.json'));
    const byTotal = [...results].sort((a, b) => a.totalMs - b.totalMs);
    const median = byTotal[Math.floor(byTotal.length / 2)];
    if (!median) throw new Error('No cold start was measured.');
    const middle = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    return {
      ...loaded,
      typedKeyMs,
      runs: results,
      median,
      bareRuns,
      bareMedianMs: middle(bareRuns.map((r) => r.rowsMs)),
      pbkdf2MedianMs: middle(bareRuns.map((r) => r.pbkdf2Ms)),
    };
  } finally {
    await server.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}
