import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { en } from './en';
import { workflowWords } from './workflowWords';
import { zhCN, type ConsoleMessageKey } from './zh-CN';

export type Language = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
export type T = (key: ConsoleMessageKey, params?: Params) => string;

const dictionaries: Record<Language, Record<ConsoleMessageKey, string>> = { 'zh-CN': zhCN, en };
const isKey = (key: string): key is ConsoleMessageKey => Object.hasOwn(zhCN, key);

function translate(language: Language, key: ConsoleMessageKey, params?: Params): string {
  const template = dictionaries[language][key];
  return params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        params[name] === undefined ? whole : String(params[name]),
      )
    : template;
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: T;
  /** A field error's words; an unknown code reads as "not valid", never as the code. */
  fieldError: (error: FieldError) => string;
  /** A refusal as one sentence: the console's reason if it gave one, else its code's. */
  appError: (error: AppErrorData) => string;
  /** A word for a code under a prefix (an audit line's action), or the code itself. */
  wordFor: (prefix: string, code: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>('zh-CN');
  const value = useMemo<I18n>(() => {
    const t: T = (key, params) => translate(language, key, params);
    return {
      language,
      setLanguage,
      t,
      fieldError: (error) => t(isKey(error.code) ? error.code : 'field.invalid', error.params),
      appError: (error) => {
        const reason = error.details?.reason;
        if (typeof reason === 'string' && isKey(reason)) return t(reason);
        const first = error.fieldErrors?.[0];
        if (first && isKey(first.code)) return t(first.code, first.params);
        const key = `error.${error.code}`;
        return t(isKey(key) ? key : 'error.internal');
      },
      wordFor: (prefix, code) => {
        const key = `${prefix}${code}`;
        return isKey(key) ? t(key) : (workflowWords[language][key] ?? code);
      },
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
