import type { ProgrammeForm } from '../../programmeForms';
import { DibaoFields } from './DibaoFields';

/** 低保's facts: only `incomeUnstable`, kept through a correction as it was saved. */
const unstableOf = (facts: unknown) =>
  typeof facts === 'object' && facts !== null && 'incomeUnstable' in facts
    ? (facts as { incomeUnstable?: unknown }).incomeUnstable === true
    : false;

export const dibaoForm: ProgrammeForm = {
  emptyFacts: () => ({ incomeUnstable: false }),
  fromCase: (facts) => ({ incomeUnstable: unstableOf(facts) }),
  adopt: (stored) => ({ incomeUnstable: unstableOf(stored) }),
  Fields: DibaoFields,
  localIssues: () => [],
  // Saved only when set, so a case that never had it keeps no empty fact.
  toFacts: (facts) => (unstableOf(facts) ? { incomeUnstable: true } : {}),
};
