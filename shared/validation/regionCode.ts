/**
 * The shape of GB/T 2260 administrative division codes: 6 digits, the first two a
 * province-level code, the next two the prefecture (never 00 below a province), the
 * last two the county (Hong Kong 81 and Macau 82 number districts straight after the
 * province, as 820001). A shape check only: the desk keeps no list of every county, and
 * retired codes stay valid on old records and ID cards.
 */

/** GB/T 2260 province-level prefixes (71 Taiwan, 81 Hong Kong, 82 Macau included). */
export const provincePrefixes: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65', '71', '81', '82'],
]);

/** Regions whose districts have no prefecture level between (xx00yy is valid). */
const noPrefectures: ReadonlySet<string> = new Set(['71', '81', '82']);

/**
 * The code of what is wrong with a 6-digit area code as typed (trimmed), or null.
 * '' is 必填, not a format problem. A province's own code (xx0000) is refused: an
 * office's households and standards belong to a prefecture or county.
 */
export function areaCodeProblem(code: string): string | null {
  if (code === '') return 'field.required';
  if (!/^\d{6}$/.test(code)) return 'field.area_code';
  if (!provincePrefixes.has(code.slice(0, 2))) return 'code.area_province';
  if (code.slice(2, 4) === '00' && !noPrefectures.has(code.slice(0, 2))) {
    return 'code.area_prefecture';
  }
  return null;
}
