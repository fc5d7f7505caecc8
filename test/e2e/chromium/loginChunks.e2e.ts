import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What the login screen loads (issue #17 item 2): the built app's entry script (the
 * store's early open, nothing else), the app's chunk it imports next, and their static
 * imports, followed chunk by chunk through `dist/renderer` (as `npm run
 * build:renderer` leaves it for these tests), and the sources each chunk was made of
 * (its source map). The write path, the record kinds and the name dictionary behind them
 * (pinyin-pro) are fetched while the password is typed, never waited for to show the
 * login screen; the shell's chunks hold them, so the reading is not empty.
 */
const dist = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

function staticImports(chunk: string): string[] {
  const code = readFileSync(`${dist}assets/${chunk}`, 'utf8');
  // Vite's output: `import{a as b}from"./x.js"` and `import"./x.js"` (dynamic imports
  // are `import("./x.js")`, with a parenthesis, and are left out).
  const found = new Set<string>();
  for (const match of code.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    if (match[1]) found.add(match[1]);
  return [...found];
}

function closure(entries: string[]): string[] {
  const seen = new Set(entries);
  const queue = [...entries];
  for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
    for (const next of staticImports(chunk)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

// A chunk of re-exports only (sessionWrites) has no map of its own: its imports do.
const sourcesOf = (chunks: string[]) =>
  chunks.flatMap((chunk) => {
    const map = `${dist}assets/${chunk}.map`;
    return existsSync(map)
      ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources
      : [];
  });

describe('the login screen’s scripts', () => {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/assets\/([\w.-]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );

  // The entry holds only the store's early open; the app is the chunk it imports next.
  const appRoot = readdirSync(`${dist}assets`).filter((f) => /^appRoot-[\w-]+\.js$/.test(f));

  it('open the store first, from an entry with no app in it', () => {
    expect(entry.length).toBeGreaterThan(0);
    const sources = sourcesOf(closure(entry));
    expect(sources.some((s) => s.endsWith('renderer/src/db/warmStore.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(react|react-dom|dexie)\//.test(s))).toEqual([]);
    expect(appRoot).toHaveLength(1);
    expect(readFileSync(`${dist}assets/${entry[0]}`, 'utf8')).toContain(appRoot[0]);
  });

  it('load no write path, no record kinds and no name dictionary', () => {
    const loaded = closure([...entry, ...appRoot]);
    const sources = sourcesOf(loaded);
    // The login path itself is there (the reading works)…
    expect(sources.some((s) => s.endsWith('renderer/src/screens/auth/LoginScreen.tsx'))).toBe(true);
    expect(sources.some((s) => s.endsWith('renderer/src/state/session.ts'))).toBe(true);
    // …and what a login does not need to show itself is not.
    // (The recovery key's curve and word list, and the package's compression, come with
    // the recovery step when it is opened, or after a login; zod with the record checks.)
    const heavy = (s: string) =>
      s.includes('node_modules/pinyin-pro/') ||
      s.includes('node_modules/zod/') ||
      s.includes('node_modules/@noble/curves/') ||
      s.includes('node_modules/@scure/bip39/') ||
      s.includes('node_modules/fflate/') ||
      s.endsWith('renderer/src/db/writePath.ts') ||
      s.endsWith('shared/records/kinds.ts');
    expect(sources.filter(heavy)).toEqual([]);
  });

  it('leave them to the chunks fetched while the password is typed', () => {
    const later = readdirSync(`${dist}assets`).filter((f) =>
      /^(ShellRoot|sessionWrites)-[\w-]+\.js$/.test(f),
    );
    expect(later).toHaveLength(2);
    const sources = sourcesOf(closure(later));
    expect(sources.some((s) => s.includes('node_modules/pinyin-pro/'))).toBe(true);
    expect(sources.some((s) => s.endsWith('renderer/src/db/writePath.ts'))).toBe(true);
  });

  // exceljs builds its whole module graph when first run (~65 ms of a start's main
  // thread): a chunk of its own, fetched when a sheet is made (export/newWorkbook.ts).
  it('leave exceljs out of the shell, to be fetched when a sheet is made', () => {
    const shell = readdirSync(`${dist}assets`).filter((f) => /^ShellRoot-[\w-]+\.js$/.test(f));
    const sources = sourcesOf(closure([...entry, ...appRoot, ...shell]));
    expect(sources.some((s) => s.endsWith('renderer/src/export/writeListSheet.ts'))).toBe(true);
    expect(sources.filter((s) => s.includes('node_modules/exceljs/'))).toEqual([]);
    const own = readdirSync(`${dist}assets`).filter((f) => /^exceljs[\w.-]*\.js$/.test(f));
    expect(own).toHaveLength(1);
    expect(sourcesOf(own).some((s) => s.includes('node_modules/exceljs/'))).toBe(true);
  });
});
