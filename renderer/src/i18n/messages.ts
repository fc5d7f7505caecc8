import { authEn } from './en/auth';
import { casesEn } from './en/cases';
import { commonEn } from './en/common';
import { communityEn } from './en/community';
import { elderlyCareEn } from './en/elderlyCare';
import { errorsEn } from './en/errors';
import { packagesEn } from './en/packages';
import { registryEn } from './en/registry';
import { rulesEn } from './en/rules';
import { settingsEn } from './en/settings';
import { syncEn } from './en/sync';
import { authZh } from './zh-CN/auth';
import { casesZh } from './zh-CN/cases';
import { commonZh } from './zh-CN/common';
import { communityZh } from './zh-CN/community';
import { elderlyCareZh } from './zh-CN/elderlyCare';
import { errorsZh } from './zh-CN/errors';
import { packagesZh } from './zh-CN/packages';
import { registryZh } from './zh-CN/registry';
import { rulesZh } from './zh-CN/rules';
import { settingsZh } from './zh-CN/settings';
import { syncZh } from './zh-CN/sync';

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
  ...casesZh,
  ...elderlyCareZh,
  ...communityZh,
  ...syncZh,
  ...packagesZh,
  ...rulesZh,
};

export type MessageKey = keyof typeof zhCN;

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...errorsEn,
  ...authEn,
  ...settingsEn,
  ...registryEn,
  ...casesEn,
  ...elderlyCareEn,
  ...communityEn,
  ...syncEn,
  ...packagesEn,
  ...rulesEn,
};
