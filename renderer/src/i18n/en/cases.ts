import type { casesZh } from '../zh-CN/cases';

export const casesEn: Record<keyof typeof casesZh, string> = {
  'cases.title': 'cases',
};
