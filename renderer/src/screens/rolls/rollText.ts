import { formatFen } from '@shared/money/fen';
import type { RollLine, RollProblem } from '@shared/rolls/rollRecord';
import type { MessageKey } from '../../i18n/messages';
import type { useT } from '../../i18n/useT';

type T = ReturnType<typeof useT>['t'];

/** A problem in words: amounts in yuan, a programme by its name. */
export function problemText(t: T, problem: RollProblem): string {
  const params = { ...problem.params };
  for (const key of ['fen', 'limit']) {
    if (typeof params[key] === 'number') params[key] = formatFen(params[key]);
  }
  if (typeof params.programme === 'string') {
    params.programme = t(`programme.${params.programme}` as MessageKey);
  }
  return t(problem.code, params);
}

/** 补发/扣减 of a line: each month's amount with its reason. */
export function adjustText(t: T, line: RollLine): string {
  return line.adjustments
    .map((a) => `${t(`rolls.adjust.${a.reason}`, { month: a.month })} ${formatFen(a.fen)}`)
    .join('；');
}
