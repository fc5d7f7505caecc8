/**
 * Search tokens for names, stored with each record so a window clerk can find 张三丰
 * by typing "zsf", "zhangsanfeng" or the characters themselves, offline.
 */
import { pinyin } from 'pinyin-pro';
import { isIdTailQuery } from './idTails';

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

/**
 * A classified query. `tail` marks an ID query of 4 or 6 characters (the last digits a
 * person reads out, optionally ending in X): it is looked up among the ID tails first,
 * then as an ID prefix, tail matches listed first. A 4-digit query can also read as a
 * year or the start of an area code; the desk has no birth-year search, and an ID
 * prefix of 4 digits (the province and city every person of the office shares) found
 * the first persons of the whole registry, so the tail is what a registrar means. The
 * prefix matches still follow, so nothing found before is lost.
 */
export type ClassifiedQuery =
  { kind: 'id'; value: string; tail: boolean } | { kind: 'latin' | 'name'; value: string };

/** Full-width digits and letters typed with a Chinese input method. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * What a search box query is: ID digits (whole or partial, optional trailing X; 4 or 6
 * of them a tail, see ClassifiedQuery), latin letters (pinyin, spaces dropped,
 * lower-cased) or a name (trimmed).
 */
export function classifyQuery(q: string): ClassifiedQuery {
  const text = toHalfWidth(q).trim();
  const compact = text.replace(/\s+/g, '');
  if (/^\d+[xX]?$/.test(compact)) {
    const value = compact.toUpperCase();
    return { kind: 'id', value, tail: isIdTailQuery(value) };
  }
  if (/^[a-zA-Z]+$/.test(compact)) return { kind: 'latin', value: compact.toLowerCase() };
  return { kind: 'name', value: text };
}
