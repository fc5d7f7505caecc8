/**
 * 不予批准通知书: to the applicant of a refused case, with the reasons (the opinion of
 * the refusing step — a step its module marks 'decided' — county or township when
 * delegated) and the remedy. The remedy's
 * periods are national law, not local configuration: 行政复议 within 60 days of receipt
 * (行政复议法 2023, art. 20), to the county-level people's government, which since 2024
 * handles a county department's and a township's reconsiderations alike (art. 24); or an
 * administrative suit within 6 months of knowing the decision (行政诉讼法, art. 46).
 */
import { AppError } from '../errors/appError';
import { paperNumber } from './caseSteps';
import { refusalStep, refusedStates } from './decisions';
import type { PaperCase, PaperEvent, PaperOffice } from './types';

export const statutoryRemedy = { reconsiderationDays: 60, litigationMonths: 6 } as const;

export interface RefusalPaper {
  kind: 'refusal';
  number: string;
  applicantName: string;
  programme: string;
  applicationDate: string;
  decidedOn: string;
  /** Who refused: the county bureau, or the township office under delegation. */
  decidedBy: 'county' | 'township';
  officeName: string;
  reasons: string;
  remedy: typeof statutoryRemedy;
}

export function buildRefusal(input: {
  record: PaperCase;
  events: readonly PaperEvent[];
  office: PaperOffice;
}): RefusalPaper {
  const { record } = input;
  const step = refusalStep(record.programme, input.events);
  if (!refusedStates(record.programme).includes(record.status) || step === null) {
    throw new AppError({
      code: 'validation',
      message: 'Only a refused case has a notice of refusal.',
      fieldErrors: [{ path: 'status', code: 'papers.not_denied' }],
    });
  }
  const decidedOn = record.decidedOn ?? step.at.slice(0, 10);
  return {
    kind: 'refusal',
    number: paperNumber('BYPZ', decidedOn, record.id),
    applicantName: record.applicantName,
    programme: record.programme,
    applicationDate: record.applicationDate,
    decidedOn,
    decidedBy: step.actorRole === 'county' ? 'county' : 'township',
    officeName: input.office.officeName,
    reasons: step.opinion,
    remedy: statutoryRemedy,
  };
}
