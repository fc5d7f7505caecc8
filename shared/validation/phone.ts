import { z } from 'zod';

/**
 * Chinese phone numbers as people write them on forms:
 * - mobile: 11 digits, 1 then 3–9 (13x … 19x);
 * - landline: area code (010, 02x, or 0 + three digits from 03xx to 09xx), an optional
 *   '-', a local number of 7–8 digits not starting with 0 or 1, and an optional
 *   extension after '-' or '转' (1–6 digits).
 * Nothing else is accepted: no spaces inside, no +86, no local number without its area
 * code (the desk does not know which area a bare number belongs to).
 */
const mobile = /^1[3-9]\d{9}$/;
const landline = /^0(?:10|2\d|[3-9]\d{2})-?[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?$/;

export const isMobilePhone = (value: string) => mobile.test(value);
export const isLandlinePhone = (value: string) => landline.test(value);
export const isPhoneNumber = (value: string) => isMobilePhone(value) || isLandlinePhone(value);

/** The code of what is wrong with a phone as typed (trimmed), or null when it is fine. */
export function phoneProblem(value: string, required: boolean): string | null {
  if (value === '') return required ? 'field.required' : null;
  return isPhoneNumber(value) ? null : 'field.phone';
}

const phoneField = (required: boolean) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = phoneProblem(value, required);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A phone that must be given (an emergency contact's). */
export const phoneSchema = phoneField(true);

/** A phone that may be left empty ('' stored), else a valid number. */
export const optionalPhoneSchema = phoneField(false).default('');
