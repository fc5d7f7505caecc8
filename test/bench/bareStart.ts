import { writeFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';

/**
 * The cold start's baseline (issue #17 item 5): a minimal page of the same origin, served
 * by the same preview server from the same build folder, that opens the app's database
 * with native IndexedDB (no Dexie, no React, no bundle) and reads the first 50 persons in
 * the order the persons list shows them (newest first: the primary key, descending),
 * puts them in a table and notes the time from navigation start. Measured in a new
 * Chromium on the same profile as each app run, so both meet the same cold browser.
 *
 * The app's run also hashes the administrator's password (PBKDF2, 600,000 iterations, on
 * purpose: renderer/src/auth/password.ts), which no bare start does; the bare page times
 * the same derivation after its rows, reported beside the ratio but not in it.
 */
export const bareStartFile = 'bare-start.html';

const bareStartHtml = (databaseName: string, iterations: number) => `<!doctype html>
<meta charset="utf-8"><title>bare start</title><table id="rows"></table>
<script>
(() => {
  const open = indexedDB.open(${JSON.stringify(databaseName)});
  open.onerror = () => (window.bareStart = { error: String(open.error) });
  open.onsuccess = () => {
    const db = open.result;
    const rows = [];
    const cursor = db.transaction('persons', 'readonly').objectStore('persons').openCursor(null, 'prev');
    cursor.onsuccess = async () => {
      const c = cursor.result;
      if (c && rows.length < 50) {
        rows.push(c.value);
        c.continue();
        return;
      }
      const table = document.getElementById('rows');
      for (const p of rows) {
        const tr = table.insertRow();
        tr.insertCell().textContent = p.name;
        tr.insertCell().textContent = p.idNumber;
      }
      const rowsMs = performance.now();
      db.close();
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('a password'), 'PBKDF2', false, ['deriveBits']);
      const t0 = performance.now();
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: ${iterations} }, key, 256);
      window.bareStart = { rowsMs, rows: rows.length, pbkdf2Ms: performance.now() - t0 };
    };
  };
})();
</script>
`;

/** Writes the bare page into the built renderer's folder the preview server serves. */
export async function writeBareStart(outDir: string, databaseName: string, iterations: number) {
  await writeFile(`${outDir}/${bareStartFile}`, bareStartHtml(databaseName, iterations));
}

export interface BareStartRun {
  rowsMs: number;
  rows: number;
  pbkdf2Ms: number;
}

/** One bare start in `context` (a new Chromium on the app's profile). */
export async function bareStartRun(context: BrowserContext, origin: string): Promise<BareStartRun> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/${bareStartFile}`);
  await page.waitForFunction(() => 'bareStart' in window, null, { timeout: 120_000 });
  const run = await page.evaluate(
    () => (window as unknown as { bareStart: BareStartRun | { error: string } }).bareStart,
  );
  if ('error' in run) throw new Error(`bare start: ${run.error}`);
  if (run.rows !== 50) throw new Error(`bare start read ${run.rows} persons, not 50`);
  return { rowsMs: Math.round(run.rowsMs), rows: run.rows, pbkdf2Ms: Math.round(run.pbkdf2Ms) };
}
