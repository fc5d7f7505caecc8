import { fenToYuanInput, parseYuan } from '@shared/money/fen';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { ReviewFacts } from '../../db/repositories/dynamics/review';
import { incomeUnstableOf } from '@shared/dynamics/reviewRule';

export const incomeFields = ['wagesFen', 'businessFen', 'propertyFen', 'transferFen'] as const;

/** The review form's text as typed (yuan), from the case as it stands. */
export interface ReviewDraft {
  coveredPersonIds: string[];
  income: Record<(typeof incomeFields)[number], string>;
  deductions: string;
  incomeUnstable: boolean;
  reason: string;
}

export function draftOf(c: AssistanceCaseData): ReviewDraft {
  return {
    coveredPersonIds: c.coveredPersonIds,
    income: {
      wagesFen: fenToYuanInput(c.income.wagesFen),
      businessFen: fenToYuanInput(c.income.businessFen),
      propertyFen: fenToYuanInput(c.income.propertyFen),
      transferFen: fenToYuanInput(c.income.transferFen),
    },
    deductions: fenToYuanInput(c.deductionsFen),
    incomeUnstable: incomeUnstableOf(c),
    reason: '',
  };
}

/** The facts the draft says, or the field errors of amounts that do not parse. */
export function factsOf(
  draft: ReviewDraft,
): { ok: true; facts: ReviewFacts } | { ok: false; errors: { path: string; code: string }[] } {
  const errors: { path: string; code: string }[] = [];
  const fen = (text: string, path: string) => {
    const parsed = parseYuan(text);
    if (parsed.ok) return parsed.fen;
    errors.push({ path, code: parsed.code });
    return 0;
  };
  const income = {
    wagesFen: fen(draft.income.wagesFen, 'income.wagesFen'),
    businessFen: fen(draft.income.businessFen, 'income.businessFen'),
    propertyFen: fen(draft.income.propertyFen, 'income.propertyFen'),
    transferFen: fen(draft.income.transferFen, 'income.transferFen'),
  };
  const deductionsFen = fen(draft.deductions, 'deductionsFen');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    facts: {
      coveredPersonIds: draft.coveredPersonIds,
      income,
      deductionsFen,
      incomeUnstable: draft.incomeUnstable,
    },
  };
}
