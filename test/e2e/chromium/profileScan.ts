import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from './browser';

/**
 * An on-disk Chromium profile for the at-rest tests (a plain launch keeps IndexedDB in
 * memory): open it on the desk, and scan every file it left for secrets.
 */
export async function openProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('[renderer]', error));
  await page.goto(inject('rendererUrl'));
  return { context, page };
}

/** A byte pattern to look for, and the label it is reported by. */
export interface Needle {
  label: string;
  bytes: Buffer;
}

/** A text as the profile could hold it: UTF-8 (ASCII included) and UTF-16LE. */
export const textNeedles = (label: string, value: string): Needle[] => [
  { label, bytes: Buffer.from(value, 'utf8') },
  { label, bytes: Buffer.from(value, 'utf16le') },
];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The labels of the needles found in any file under `dir` (files over 64 MB skipped). */
export async function foundInFiles(dir: string, needles: Needle[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await filesUnder(dir)) {
    if ((await stat(file)).size > 64 * 1024 * 1024) continue;
    const bytes = await readFile(file);
    for (const needle of needles) if (bytes.includes(needle.bytes)) found.add(needle.label);
  }
  return [...found];
}
