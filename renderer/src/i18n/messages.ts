import { authEn } from './en/auth';
import { caseWorkEn } from './en/caseWork';
import { casesEn } from './en/cases';
import { commonEn } from './en/common';
import { communityEn } from './en/community';
import { elderlyCareEn } from './en/elderlyCare';
import { elderlyCorrectionsEn } from './en/elderlyCorrections';
import { looseEndsEn } from './en/looseEnds';
import { medicalEn } from './en/medical';
import { errorsEn } from './en/errors';
import { packagesEn } from './en/packages';
import { programmesEn } from './en/programmes';
import { registryEn } from './en/registry';
import { searchEn } from './en/search';
import { registryCorrectionsEn } from './en/registryCorrections';
import { reviewEn } from './en/review';
import { rolesEn } from './en/roles';
import { rulesEn } from './en/rules';
import { settingsEn } from './en/settings';
import { syncEn } from './en/sync';
import { wordsEn } from './en/words';
import { authZh } from './zh-CN/auth';
import { caseWorkZh } from './zh-CN/caseWork';
import { casesZh } from './zh-CN/cases';
import { commonZh } from './zh-CN/common';
import { communityZh } from './zh-CN/community';
import { elderlyCareZh } from './zh-CN/elderlyCare';
import { elderlyCorrectionsZh } from './zh-CN/elderlyCorrections';
import { looseEndsZh } from './zh-CN/looseEnds';
import { medicalZh } from './zh-CN/medical';
import { errorsZh } from './zh-CN/errors';
import { packagesZh } from './zh-CN/packages';
import { programmesZh } from './zh-CN/programmes';
import { registryZh } from './zh-CN/registry';
import { searchZh } from './zh-CN/search';
import { registryCorrectionsZh } from './zh-CN/registryCorrections';
import { reviewZh } from './zh-CN/review';
import { rolesZh } from './zh-CN/roles';
import { rulesZh } from './zh-CN/rules';
import { settingsZh } from './zh-CN/settings';
import { syncZh } from './zh-CN/sync';
import { wordsZh } from './zh-CN/words';

/**
 * zh-CN is the source of truth; each English area file must cover the same keys
 * (the type checker refuses a missing one). One file per screen area keeps them small.
 */
export const zhCN = {
  ...commonZh,
  ...errorsZh,
  ...authZh,
  ...settingsZh,
  ...registryZh,
  ...searchZh,
  ...registryCorrectionsZh,
  ...casesZh,
  ...caseWorkZh,
  ...elderlyCareZh,
  ...elderlyCorrectionsZh,
  ...looseEndsZh,
  ...communityZh,
  ...syncZh,
  ...packagesZh,
  ...programmesZh,
  ...wordsZh,
  ...rolesZh,
  ...rulesZh,
  ...reviewZh,
  ...medicalZh,
};

export type MessageKey = keyof typeof zhCN;

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...errorsEn,
  ...authEn,
  ...settingsEn,
  ...registryEn,
  ...searchEn,
  ...registryCorrectionsEn,
  ...casesEn,
  ...caseWorkEn,
  ...elderlyCareEn,
  ...elderlyCorrectionsEn,
  ...looseEndsEn,
  ...communityEn,
  ...syncEn,
  ...packagesEn,
  ...programmesEn,
  ...wordsEn,
  ...rolesEn,
  ...rulesEn,
  ...reviewEn,
  ...medicalEn,
};
