import { zhCN } from '../i18n/messages';

/**
 * A word as the zh-CN desk shows it: exported sheets are Chinese whatever the desk's
 * language (they are handed to the county, the bank, the medical-insurance office).
 */
export function zh(key: string, fallback = ''): string {
  return (zhCN as Record<string, string>)[key] ?? fallback;
}
