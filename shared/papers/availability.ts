/**
 * The papers a case's 打印 menu offers: its programme module's `papers`, each either
 * ready or with the reason it is not (shown greyed with that reason).
 */
import { programmeModule } from '../programmes/registry';
import type { PaperKind } from '../programmes/types';
import { refusedStates } from './decisions';
import type { PaperCase } from './types';

export interface PaperChoice {
  kind: PaperKind;
  /** null: printable now; else the message code saying why not. */
  unavailable: string | null;
}

export function papersOfCase(record: PaperCase): PaperChoice[] {
  return programmeModule(record.programme).papers.map((kind) => ({
    kind,
    unavailable: unavailableReason(kind, record),
  }));
}

function unavailableReason(kind: PaperKind, record: PaperCase): string | null {
  switch (kind) {
    case 'refusal':
      return refusedStates(record.programme).includes(record.status) ? null : 'papers.not_denied';
    case 'noticeList':
      return record.noticeStartedOn ? null : 'papers.no_notice';
    case 'approvalForm':
    case 'authorisation':
      return null;
  }
}
