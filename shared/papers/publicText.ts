/**
 * What a public notice (公示) may print of free text. Names and village names are typed
 * by people, so a phone or an ID number can sit inside them ("张三13812345678", a
 * village "东村 330102…"): any run of four or more digits — ASCII, full-width or Chinese
 * numerals (each a run of its own), with the spaces, dashes and dots people put between groups, and an ID's X —
 * is replaced by as many '*'. Shorter runs stay ("3组"). The rule is deliberately blunt:
 * a notice loses a house number rather than leak a phone (docs/programmes.md, 文书).
 */
import { maskIdNumber } from '../identity/residentId';

const runOf = (digit: string, extra: string) =>
  new RegExp(`[${digit}](?:[\\s\\-－.·。、,，]*[${digit}${extra}])+`, 'gu');
/** Arabic digits, ASCII or full-width, and an ID's check character X. */
const arabic = { run: runOf('0-9０-９', 'Xx'), one: /[0-9０-９Xx]/u };
/** Chinese numerals, a run of their own: "张三" next to a number keeps its 三. */
const chinese = {
  run: runOf('〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖', ''),
  one: /[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖]/u,
};

export function scrubPublicText(text: string): string {
  let out = text;
  for (const { run, one } of [arabic, chinese]) {
    out = out.replace(run, (found) => {
      const digits = [...found].filter((c) => one.test(c)).length;
      return digits >= 4 ? '*'.repeat([...found].length) : found;
    });
  }
  return out;
}

/**
 * An ID on a public paper: a resident ID as the first 6 + 8 '*' + last 4 (the registry's
 * mask); another document the same shape when it is longer than 10 characters, and
 * entirely masked when shorter (nothing is guessed).
 */
export function maskIdForPaper(idNumber: string): string {
  const value = idNumber.replace(/\s+/g, '').toUpperCase();
  if (value.length === 18) return maskIdNumber(value);
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
