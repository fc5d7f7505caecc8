import type { idCardZh } from '../zh-CN/idCard';

export const idCardEn: Record<keyof typeof idCardZh, string> = {
  'idCard.wedge.read': 'Entered by the card reader; the number checks out',
};
