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

/** A sentence for an error as a whole (banner or snackbar). */
export function translateAppError(language: Language, error: AppErrorData): string {
  const first = error.fieldErrors?.[0];
  if (error.code === 'duplicate' && first) return translateFieldError(language, first);
  if (error.details?.reason === 'part_not_loaded')
    return translate(language, 'error.partNotLoaded');
  const key = `error.${error.code}`;
  return translate(language, isMessageKey(key) ? key : 'error.internal');
}
