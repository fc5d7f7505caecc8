import type { auditZhCN } from './audit.zh-CN';

/** The audit log's paging in English (the same keys as audit.zh-CN.ts). */
export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'audit.older': 'Show the 200 before these',
  'audit.end': 'That is the oldest line.',
};
