import type { settingsZh } from '../zh-CN/settings';

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'settings.title': 'settings',
};
