import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../console/src/i18n/en';
import { zhCN } from '../../../console/src/i18n/zh-CN';

/**
 * The county console's API answers the console only, so the console's own dictionary
 * must word every field code it sends (the desk's words are test/node/sync/hqCodeWords).
 */
const root = join(import.meta.dirname, '../../..');
const dirs = [join(root, 'hq/src/console'), join(root, 'hq/src/http/console')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const sent = new Set<string>();
for (const file of dirs.flatMap(sourceFiles)) {
  for (const match of readFileSync(file, 'utf8').matchAll(
    /\bcode:\s*'([a-z][A-Za-z_]*(?:\.[A-Za-z_]+)+)'/g,
  )) {
    if (match[1]) sent.add(match[1]);
  }
}

describe('codes the console API sends, in the console’s words', () => {
  it('finds the codes it sends', () => {
    expect(sent.size).toBeGreaterThan(2);
  });

  it('words each of them in zh-CN and en', () => {
    const missing = [...sent].filter((code) => !Object.hasOwn(zhCN, code));
    expect(missing).toEqual([]);
    for (const code of sent) {
      expect((en as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
