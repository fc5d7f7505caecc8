/**
 * Search tokens for names, stored with each record so a window clerk can find 张三丰
 * by typing "zsf", "zhangsanfeng" or the characters themselves, offline.
 */
import { pinyin } from 'pinyin-pro';

const hanPattern = /\p{Script=Han}|〇/u;
/** Separators inside names (spaces, the 间隔号 in minority names) carry no letters. */
const separatorPattern = /[\s·•・.\-_]/u;

/**
 * Deduped lower-case tokens: the name itself, the pinyin initials and the full pinyin
 * without spaces (ü written as v, as on keyboards). Surname mode reads the first
 * character as a surname (曾 zeng, 单 shan, 解 xie). Non-Chinese names: lower-cased.
 */
export function nameSearchTokens(name: string): string[] {
  const known = tokenCache.get(name);
  if (known) return [...known];
  const tokens = computeNameTokens(name);
  // Bounded: cleared when full rather than tracking use (names repeat a lot; a cleared
  // cache refills in a few thousand saves).
  if (tokenCache.size >= tokenCacheLimit) tokenCache.clear();
  tokenCache.set(name, tokens);
  return [...tokens];
}

/**
 * Tokens per name already seen. HQ derives them for every op it merges and a desk for
 * every person it saves; the pinyin lookup was a twentieth of HQ's time on a large push.
 */
const tokenCache = new Map<string, readonly string[]>();
const tokenCacheLimit = 20_000;

function computeNameTokens(name: string): string[] {
  const trimmed = name.trim();
  if (trimmed === '') return [];
  const lower = trimmed.toLowerCase();
  if (!hanPattern.test(trimmed)) return [lower];

  let initials = '';
  let full = '';
  const syllables = pinyin(trimmed, {
    toneType: 'none',
    mode: 'surname',
    surname: 'head',
    type: 'all',
    v: true,
  });
  for (const s of syllables) {
    if (s.isZh && s.pinyin !== '') {
      initials += s.first;
      full += s.pinyin;
    } else if (!separatorPattern.test(s.origin)) {
      // Latin letters or digits mixed into a name are kept as typed.
      const kept = s.origin.toLowerCase();
      initials += kept;
      full += kept;
    }
  }
  return [...new Set([lower, initials.toLowerCase(), full.toLowerCase()])].filter((t) => t !== '');
}

export type QueryKind = 'id' | 'latin' | 'name';

/** Full-width digits and letters typed with a Chinese input method. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * What a search box query is: ID digits (whole or partial, optional trailing X),
 * latin letters (pinyin, spaces dropped, lower-cased) or a name (trimmed).
 */
export function classifyQuery(q: string): { kind: QueryKind; value: string } {
  const text = toHalfWidth(q).trim();
  const compact = text.replace(/\s+/g, '');
  if (/^\d+[xX]?$/.test(compact)) return { kind: 'id', value: compact.toUpperCase() };
  if (/^[a-zA-Z]+$/.test(compact)) return { kind: 'latin', value: compact.toLowerCase() };
  return { kind: 'name', value: text };
}
