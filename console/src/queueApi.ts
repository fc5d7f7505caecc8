import type { AppErrorData } from '@shared/errors/appError';
import { api } from './api';

/** The queue's answers from HQ (hq/src/console/queue/*). */
export interface CountyAction {
  action: string;
  to: string;
  approves: boolean;
  kind: 'forward' | 'back';
}

export interface QueueEntry {
  id: string;
  officeId: string;
  officeName: string;
  programme: string;
  status: string;
  applicantName: string;
  villageName: string;
  applicationDate: string;
  decisionDue: string | null;
  overdue: boolean;
  benefitFen: number;
  countyActions: CountyAction[];
}

export interface QueueAnswer {
  today: string;
  cases: QueueEntry[];
  villages: string[];
  offices: { id: string; name: string }[];
}

export interface QueueFilter {
  office: string;
  programme: string;
  village: string;
  overdue: boolean;
}

export interface CaseFile {
  id: string;
  officeName: string;
  programme: string;
  status: string;
  applicantName: string;
  villageName: string;
  applicationDate: string;
  decisionDue: string | null;
  members: {
    personId: string;
    name: string;
    relation: string;
    idNumberMasked: string;
    covered: boolean;
  }[];
  income: Record<string, number>;
  deductionsFen: number;
  assets: Record<string, number | string>;
  benefit: {
    standardFen: number;
    coveredCount: number;
    countedIncomeFen: number;
    benefitFen: number;
    classification: string;
    computedForDate: string;
    parts: { code: string; fen: number }[];
  };
  /** The programme's own facts (its module's factsSchema); {} for 低保. */
  programmeFacts: unknown;
  events: {
    id: string;
    action: string;
    actorName: string;
    actorRole: string;
    at: string;
    opinion: string;
    reason: string;
  }[];
  countyActions: CountyAction[];
}

export interface BulkResult {
  caseId: string;
  ok: boolean;
  action?: string;
  error?: AppErrorData;
}

export interface SpotChecks {
  percent: number;
  checks: {
    id: string;
    drawnAt: string;
    drawnBy: string;
    percent: number;
    population: number;
    cases: {
      caseId: string;
      officeName: string;
      confirmed: { applicantName: string; actorName: string; at: string; programme: string } | null;
    }[];
  }[];
}

export function loadQueue(filter: QueueFilter): Promise<QueueAnswer> {
  const query = new URLSearchParams();
  if (filter.office) query.set('office', filter.office);
  if (filter.programme) query.set('programme', filter.programme);
  if (filter.village) query.set('village', filter.village);
  if (filter.overdue) query.set('overdue', '1');
  const text = query.toString();
  return api<QueueAnswer>('GET', `/queue${text ? `?${text}` : ''}`);
}

export const loadCaseFile = (id: string) =>
  api<CaseFile>('GET', `/cases/${encodeURIComponent(id)}`);
export const revealId = (id: string, personId: string) =>
  api<{ idNumber: string }>('POST', `/cases/${encodeURIComponent(id)}/reveal`, { personId });
export const decide = (id: string, action: string, opinion: string) =>
  api<{ caseId: string }>('POST', `/cases/${encodeURIComponent(id)}/decision`, {
    action,
    opinion,
  });
export const bulkConfirm = (caseIds: string[], opinion: string) =>
  api<{ results: BulkResult[] }>('POST', '/queue/confirm', { caseIds, opinion });
export const loadSpotChecks = () => api<SpotChecks>('GET', '/spot-checks');
export const drawSpotCheck = () => api<{ caseIds: string[] }>('POST', '/spot-checks', {});

/** Fen as yuan with two decimals. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
