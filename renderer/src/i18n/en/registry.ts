import type { registryZh } from '../zh-CN/registry';

export const registryEn: Record<keyof typeof registryZh, string> = {
  'registry.title': 'registry',
};
