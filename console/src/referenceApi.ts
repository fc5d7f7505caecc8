import { api } from './api';

/** Reference data from HQ (hq/src/console/reference/*): each version with who and when. */
export interface Version<T> {
  seq: number;
  id: string;
  /** When HQ wrote it (ISO). */
  at: string;
  /** "姓名（username）" of the console user who published it, or who else did. */
  by: string;
  deleted: boolean;
  data: T;
}

export type Source = 'sample' | 'local' | 'hq';

export interface Standard {
  areaCode: string;
  category: 'urban' | 'rural';
  effectiveFrom: string;
  effectiveTo: string | null;
  amountFen: number;
  source: Source;
  note: string;
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  extraWorkdays: string[];
  source: Source;
}

export interface Delegation {
  office: string;
  confirmationDelegated: boolean;
  effectiveFrom: string;
  note: string;
}

export interface Rule {
  key: string;
  areaCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  value: number;
  source: Source;
  note: string;
}

export type RuleUnit = 'fen' | 'workingDays' | 'days' | 'months' | 'permille' | 'count';

export interface RuleRow {
  key: string;
  unit: RuleUnit;
  min: number;
  max: number;
  sample: number;
  value: number;
  source: Source;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface OfficeDelegation {
  id: string;
  name: string;
  delegated: boolean;
  since: string | null;
  upcoming: { confirmationDelegated: boolean; effectiveFrom: string }[];
}

export const loadStandards = () =>
  api<{
    today: string;
    standards: (Version<Standard> & { inForce: boolean })[];
    history: Version<Standard>[];
  }>('GET', '/reference/standards');
export const publishStandard = (standard: Omit<Standard, 'source'>) =>
  api<{ id: string }>('POST', '/reference/standards', standard);

export const loadCalendars = () =>
  api<{ years: Version<CalendarYear>[]; history: Version<CalendarYear>[] }>(
    'GET',
    '/reference/calendars',
  );
export const publishCalendar = (year: Omit<CalendarYear, 'source'>) =>
  api<{ year: number }>('POST', '/reference/calendars', year);

export const loadDelegations = () =>
  api<{ today: string; offices: OfficeDelegation[]; history: Version<Delegation>[] }>(
    'GET',
    '/reference/delegations',
  );
export const setDelegation = (delegation: Delegation) =>
  api<{ id: string }>('POST', '/reference/delegations', delegation);

export const loadRules = () =>
  api<{ today: string; rules: RuleRow[]; history: Version<Rule>[] }>('GET', '/reference/rules');
export const publishRule = (rule: Omit<Rule, 'source'>) =>
  api<{ id: string }>('POST', '/reference/rules', rule);

/**
 * Yuan as typed ("850.5", "850.50") to integer fen without floating point; null when it
 * is not a plain amount with at most two decimals.
 */
export function fenOfYuan(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', cents = ''] = match;
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Integer fen as yuan with two decimals. */
export const yuanOfFen = (fen: number): string =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** A time HQ wrote, as the county reads it. */
export const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
