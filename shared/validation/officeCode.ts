import { areaCodeProblem } from './regionCode';

/**
 * The office code (办公室代码): the county gives it, the first run stores it as the
 * officeId of every record, and it can never be changed. Two shapes are accepted:
 * - numeric: the township's 9-digit statistical division code, i.e. its county's
 *   GB/T 2260 code (checked as an area code) and 3 digits for the township;
 * - a name-like code starting with a letter (letters, digits, '_' and '-'), as
 *   counties that number offices their own way use.
 * A code that starts with a digit but holds a letter is the typo the rule exists for:
 * "33O1O2001" has the letter O for zero. 'reference' is the owner of county records.
 */
export function officeCodeProblem(code: string): string | null {
  if (code === '') return 'field.required';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(code) || code === 'reference') {
    return 'settings.office_id_format';
  }
  if (/^\d/.test(code)) {
    if (!/^\d+$/.test(code)) return 'code.office_letter_in_digits';
    if (code.length !== 9) return 'code.office_digits_length';
    const area = areaCodeProblem(code.slice(0, 6));
    if (area !== null) return area === 'field.area_code' ? 'code.office_digits_length' : area;
  }
  return null;
}
