import { authEn } from './en/auth';
import { calendarYearEn } from './en/calendarYear';
import { idCardEn } from './en/idCard';
import { datesEn } from './en/dates';
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
import { papersEn } from './en/papers';
import { programmesEn } from './en/programmes';
import { registryEn } from './en/registry';
import { searchEn } from './en/search';
import { registryCorrectionsEn } from './en/registryCorrections';
import { reviewEn } from './en/review';
import { rolesEn } from './en/roles';
import { rollsEn } from './en/rolls';
import { hostileReviewEn } from './en/hostileReview';
import { rulesEn } from './en/rules';
import { settingsEn } from './en/settings';
import { syncEn } from './en/sync';
import { temporaryEn } from './en/temporary';
import { tekunEn } from './en/tekun';
import { wordsEn } from './en/words';
import { dynamicsEn } from './en/dynamics';
import { rosterImportEn } from './en/rosterImport';
import { moreRostersEn } from './en/moreRosters';
import { listExportEn } from './en/listExport';
import { accountsEn } from './en/accounts';
import { accessRecordEn } from './en/accessRecord';
import { printingEn } from './en/printing';
import { gridEn } from './en/grid';
import { caseRosterEn } from './en/caseRoster';
import { backupEn } from './en/backup';
import { trustGapsEn } from './en/trustGaps';
import { backupScheduleEn } from './en/backupSchedule';
import { atRestEn } from './en/atRest';
import { authZh } from './zh-CN/auth';
import { calendarYearZh } from './zh-CN/calendarYear';
import { idCardZh } from './zh-CN/idCard';
import { datesZh } from './zh-CN/dates';
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
import { papersZh } from './zh-CN/papers';
import { programmesZh } from './zh-CN/programmes';
import { registryZh } from './zh-CN/registry';
import { searchZh } from './zh-CN/search';
import { registryCorrectionsZh } from './zh-CN/registryCorrections';
import { reviewZh } from './zh-CN/review';
import { rolesZh } from './zh-CN/roles';
import { rollsZh } from './zh-CN/rolls';
import { hostileReviewZh } from './zh-CN/hostileReview';
import { rulesZh } from './zh-CN/rules';
import { settingsZh } from './zh-CN/settings';
import { syncZh } from './zh-CN/sync';
import { temporaryZh } from './zh-CN/temporary';
import { tekunZh } from './zh-CN/tekun';
import { wordsZh } from './zh-CN/words';
import { dynamicsZh } from './zh-CN/dynamics';
import { rosterImportZh } from './zh-CN/rosterImport';
import { moreRostersZh } from './zh-CN/moreRosters';
import { listExportZh } from './zh-CN/listExport';
import { accountsZh } from './zh-CN/accounts';
import { accessRecordZh } from './zh-CN/accessRecord';
import { printingZh } from './zh-CN/printing';
import { gridZh } from './zh-CN/grid';
import { caseRosterZh } from './zh-CN/caseRoster';
import { backupZh } from './zh-CN/backup';
import { trustGapsZh } from './zh-CN/trustGaps';
import { backupScheduleZh } from './zh-CN/backupSchedule';
import { atRestZh } from './zh-CN/atRest';

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
  ...temporaryZh,
  ...papersZh,
  ...tekunZh,
  ...dynamicsZh,
  ...rollsZh,
  ...medicalZh,
  ...hostileReviewZh,
  ...calendarYearZh,
  ...idCardZh,
  ...rosterImportZh,
  ...moreRostersZh,
  ...listExportZh,
  ...accountsZh,
  ...accessRecordZh,
  ...printingZh,
  ...gridZh,
  ...caseRosterZh,
  ...backupZh,
  ...trustGapsZh,
  ...backupScheduleZh,
  ...atRestZh,
  ...datesZh,
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
  ...temporaryEn,
  ...papersEn,
  ...tekunEn,
  ...dynamicsEn,
  ...rollsEn,
  ...medicalEn,
  ...hostileReviewEn,
  ...calendarYearEn,
  ...idCardEn,
  ...rosterImportEn,
  ...moreRostersEn,
  ...listExportEn,
  ...accountsEn,
  ...accessRecordEn,
  ...printingEn,
  ...gridEn,
  ...caseRosterEn,
  ...backupEn,
  ...trustGapsEn,
  ...backupScheduleEn,
  ...atRestEn,
  ...datesEn,
};
