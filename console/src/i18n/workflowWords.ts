/**
 * The programmes' statuses and steps in the desk's own words (renderer/src/i18n), so the
 * county reads a case's history as the township wrote it and a new programme's words are
 * written once. The console's dictionary comes first (`status.*`, `action.*` it words
 * itself); these fill in the rest. test/node/hq/consoleFactWords.test.ts checks every
 * module's statuses and actions are worded.
 */
import { caseRosterEn } from '../../../renderer/src/i18n/en/caseRoster';
import { casesEn } from '../../../renderer/src/i18n/en/cases';
import { dynamicsEn } from '../../../renderer/src/i18n/en/dynamics';
import { tekunEn } from '../../../renderer/src/i18n/en/tekun';
import { temporaryEn } from '../../../renderer/src/i18n/en/temporary';
import { caseRosterZh } from '../../../renderer/src/i18n/zh-CN/caseRoster';
import { casesZh } from '../../../renderer/src/i18n/zh-CN/cases';
import { dynamicsZh } from '../../../renderer/src/i18n/zh-CN/dynamics';
import { tekunZh } from '../../../renderer/src/i18n/zh-CN/tekun';
import { temporaryZh } from '../../../renderer/src/i18n/zh-CN/temporary';

const renamed = (...dictionaries: Record<string, string>[]): Record<string, string> => {
  const words: Record<string, string> = {};
  for (const dictionary of dictionaries) {
    for (const [key, word] of Object.entries(dictionary)) {
      if (key.startsWith('cases.status.')) words[`status.${key.slice(13)}`] = word;
      if (key.startsWith('cases.action.')) words[`action.${key.slice(13)}`] = word;
    }
  }
  return words;
};

export const workflowWords = {
  'zh-CN': renamed(casesZh, dynamicsZh, tekunZh, temporaryZh, caseRosterZh),
  en: renamed(casesEn, dynamicsEn, tekunEn, temporaryEn, caseRosterEn),
} as const;
