import type { AppErrorData } from '@shared/errors/appError';
import type { FigureRow } from '@shared/figures/monthlyFigures';
import { api, ConsoleApiError } from './api';

/** Rolls and figures from HQ (hq/src/console/figures/*). */
export interface RollSummary {
  id: string;
  officeId: string;
  officeName: string;
  programme: string;
  month: string;
  rollVersion: number;
  status: 'draft' | 'checked' | 'approved';
  hash: string;
  drawnOn: string;
  approvedBy: string | null;
  approvedOn: string | null;
  lineCount: number;
  coveredCount: number;
  totalFen: number;
  problemCount: number;
}

export interface RollsAnswer {
  rolls: RollSummary[];
  offices: { id: string; name: string }[];
}

export interface RollFilter {
  office: string;
  month: string;
  programme: string;
}

export interface RollLineView {
  number: number;
  key: string;
  kind: string;
  village: string;
  headName: string;
  headIdNumberMasked: string;
  payeeName: string;
  coveredCount: number;
  category: string;
  monthlyFen: number;
  adjustFen: number;
  paidFen: number;
  bankName: string;
  accountMasked: string;
  note: string;
  unpaidReason: string | null;
}

export interface RollDetail extends RollSummary {
  hashMatches: boolean;
  lines: RollLineView[];
  totals: {
    lines: number;
    coveredCount: number;
    monthlyFen: number;
    adjustFen: number;
    paidFen: number;
    unpaidFen: number;
  };
}

export interface FiguresAnswer {
  month: string;
  rows: FigureRow[];
  totals: FigureRow[];
  offices: { id: string; name: string }[];
  series: { month: string; paidFen: Record<string, number> }[];
}

export function loadRolls(filter: RollFilter): Promise<RollsAnswer> {
  const query = new URLSearchParams();
  if (filter.office) query.set('office', filter.office);
  if (filter.month) query.set('month', filter.month);
  if (filter.programme) query.set('programme', filter.programme);
  const text = query.toString();
  return api<RollsAnswer>('GET', `/rolls${text ? `?${text}` : ''}`);
}

export const loadRoll = (id: string) => api<RollDetail>('GET', `/rolls/${encodeURIComponent(id)}`);
export const loadFigures = (month: string) =>
  api<FiguresAnswer>('GET', `/figures?month=${encodeURIComponent(month)}`);

/** The file name HQ gave (RFC 5987 `filename*`), or a plain one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/**
 * Downloads the month's figures as Excel: fetched (so the page can show progress and a
 * refusal), then handed to the browser as a file with HQ's Chinese name.
 */
export async function downloadFigures(month: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/v1/console/figures.xlsx?month=${encodeURIComponent(month)}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ConsoleApiError(
      { code: 'unavailable', message: 'network', details: { reason: 'error.network' } },
      0,
    );
  }
  if (!response.ok) {
    const data = (await response.json()) as AppErrorData;
    throw new ConsoleApiError(data, response.status);
  }
  const name = fileNameOf(response.headers.get('content-disposition'), `figures-${month}.xlsx`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
