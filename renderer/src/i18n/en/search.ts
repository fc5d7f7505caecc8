import type { searchZh } from '../zh-CN/search';

export const searchEn: Record<keyof typeof searchZh, string> = {
  'search.idMatch.tail': 'Last {count} characters of the ID number match',
  'search.idMatch.prefix': 'First {count} characters of the ID number match',
};
