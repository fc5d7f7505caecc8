import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { en, zhCN, type MessageKey } from './messages';

export type Language = 'zh-CN' | 'en';
export const languages: Language[] = ['zh-CN', 'en'];

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = dictionaries[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A field error's wording; unknown codes fall back to a generic message, never a raw code. */
export function translateFieldError(language: Language, error: FieldError): string {
  const key = isMessageKey(error.code) ? error.code : 'field.invalid';
  return translate(language, key, error.params);
}

/**
 * Errors whose `details.reason` has words of its own, whatever screen shows them: a part
 * of the app that could not be loaded (ui/lazyChunk.ts), a list that kept changing
 * while it was exported (export/steadyRead.ts), work whose person logged out before its
 * file was offered (state/workOwner.ts).
 */
const reasonKeys: Partial<Record<string, MessageKey>> = {
  part_not_loaded: 'error.partNotLoaded',
  list_kept_changing: 'listExport.keptChanging',
  session_ended: 'error.sessionEnded',
};

/** The words of an error's own reason, where it has them (ahead of its code's). */
function reasonKey(error: AppErrorData): MessageKey | undefined {
  const reason = String(error.details?.reason);
  return Object.hasOwn(reasonKeys, reason) ? reasonKeys[reason] : undefined;
}

/** A sentence for an error as a whole (banner or snackbar). */
export function translateAppError(language: Language, error: AppErrorData): string {
  const first = error.fieldErrors?.[0];
  if (error.code === 'duplicate' && first) return translateFieldError(language, first);
  const ownKey = reasonKey(error);
  if (ownKey) return translate(language, ownKey);
  const key = `error.${error.code}`;
  return translate(language, isMessageKey(key) ? key : 'error.internal');
}
