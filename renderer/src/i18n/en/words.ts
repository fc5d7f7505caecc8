import type { wordsZh } from '../zh-CN/words';

export const wordsEn: Record<keyof typeof wordsZh, string> = {
  'words.hq.unknownCode':
    'HQ answered with a reason this desk does not know (code {code}); update this program or ask HQ',
  'words.listSeparator': '; ',
  'words.packages.createdByHqPerson': 'HQ ({name})',
  'words.packages.noHqChanges': 'None',
  'words.packages.ownChanges': 'Receipts of this desk’s changes',
  'words.packages.ownChangesValue':
    '{count}: this desk’s own changes coming back as HQ now holds them, not changes by HQ',
  'sync.reason.duplicate': 'HQ already holds the same record',
  'sync.reason.conflict': 'HQ’s record was changed elsewhere',
  'sync.reason.not_found': 'HQ did not find what was asked for',
  'sync.reason.invalid_transition': 'HQ says the case cannot take this step in its current state',
  'sync.reason.rate_limited': 'Too many attempts; HQ refuses for a while, try again later',
  'package.no_recipients':
    'No computer of this office can open a package yet (enroll one online first): HQ cannot make one',
  'enroll.key_invalid':
    'This desk’s package keys are not valid; HQ did not enroll it. Restart and try again',
  'enroll.key_reused': 'This desk’s signing and encryption keys are the same; HQ did not enroll it',
  'office.id_format': 'An office code has letters, digits, "_" and "-" only (at most 40)',
  'request.too_deep':
    'The request is nested too deeply (more than {max} levels); HQ did not handle it',
  'money.fen': 'An amount is a whole number of fen, not below 0',
  'money.integer': 'An amount is a whole number of fen; got {value}',
  'number.min': 'Not below {min}',
  'number.integer': 'A whole number',
  'calendar.duplicate_year': 'The working calendar of {year} is given twice',
  'calendar.date': '{date} is not a valid date',
  'calendar.wrong_year': '{date} is not in {year}',
  'calendar.conflict': '{date} cannot be both a holiday and a working day',
};
