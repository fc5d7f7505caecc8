import type { rulesZh } from '../zh-CN/rules';

export const rulesEn: Record<keyof typeof rulesZh, string> = {
  'date.in_future': 'The date cannot be later than today ({today})',
  'field.phone':
    'Not a phone number: a mobile has 11 digits starting with 1, a landline is like 0731-84561234 (extension: -801)',
  'field.whole_number': 'Enter a whole number',
  'code.area_province':
    'The first two digits of division code {value} are not a province code (e.g. 33 Zhejiang, 43 Hunan)',
  'code.area_prefecture':
    'Digits 3–4 of the division code cannot be 00: enter a county-level code, e.g. 430121',
  'code.office_letter_in_digits':
    'The office code starts with digits but contains a letter: was 0 typed as the letter O, or 1 as I or l?',
  'code.office_digits_length':
    'A numeric office code has 9 digits: the 6-digit county division code and 3 for the township, e.g. 330102001',
  'settings.office_id_mismatch': 'The two office codes typed differ',
  'auth.officeIdConfirm': 'Office code again',
  'auth.officeIdConfirmHelp': 'Check it digit by digit and type it again',
  'auth.officeIdPermanent':
    'The office code marks every record of this desk for sync and can never be changed. Check it digit by digit against the code the county gave you, and type it again below.',
  'registry.member.fromId': 'From the ID number',
};
