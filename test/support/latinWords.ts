/**
 * Latin words in text meant to be Chinese. Allowed: words of the short list below,
 * single letters (an ID's check character X), anything with a digit in it (codes, ids,
 * dates, versions, "330102001"), addresses (http://…, host:port) and the test's own data.
 */
export const allowedWords: ReadonlySet<string> = new Set([
  'ID', // 身份证 ID, as people say it
  'HQ', // only inside addresses the user typed; a bare "HQ" is caught by the context rule
  'MB',
  'KB',
  'GB',
  'English', // the language switch names the other language in that language
  'mzpkg', // the package files' own extension
  'PDF', // a file format, so named in Chinese too
  'xlsx', // spreadsheet files' own extensions (roster import), as the file names show them
  'xls',
  'csv',
  'Tab', // a key on the keyboard, as labelled
  'http', // address schemes, named where the HQ address is typed
  'https',
]);

export interface LatinLeak {
  word: string;
  /** The text around it, to find it on screen. */
  context: string;
}

const token = /[A-Za-z0-9][A-Za-z0-9._:/@+-]*/g;

export function latinLeaks(text: string, ownWords: readonly string[] = []): LatinLeak[] {
  const leaks: LatinLeak[] = [];
  for (const match of text.matchAll(token)) {
    const word = match[0].replace(/[.:/-]+$/, '');
    if (!/[A-Za-z]{2,}/.test(word)) continue;
    if (/\d/.test(word)) continue;
    if (/^https?:\/\//i.test(word) || /^[\w.-]+:\d+/.test(word)) continue;
    if (allowedWords.has(word) && word !== 'HQ') continue;
    if (ownWords.includes(word)) continue;
    const at = match.index;
    const context = text
      .slice(Math.max(0, at - 20), at + word.length + 20)
      .replace(/\s+/g, ' ')
      .trim();
    leaks.push({ word, context });
  }
  return leaks;
}
