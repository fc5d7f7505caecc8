import type { authZh } from '../zh-CN/auth';

export const authEn: Record<keyof typeof authZh, string> = {
  'auth.title': 'auth',
};
