/**
 * The checks of a drawn roll, each problem named at its line (domain.md 资金发放):
 * - roll.paid_twice: a covered person is paid this month by another case of the same
 *   monthly programme, or of a programme the modules' `excludes` rule out (特困 ↔ 低保);
 *   two one-offs of a month are two helps (the repeated-help rule judged them);
 * - roll.deceased: a covered person died before the month began;
 * - roll.amount_not_positive / roll.amount_above_limit: the amount paid is ≤ 0, or above
 *   the rule `rolls.maxLineFen.<programme>` (else `rolls.maxLineFen`) in force on the
 *   month's first day for the case's area;
 * - roll.no_account: the payee has no bank account.
 * A supervisor approves only a roll with no problem left (fix the record, draw again).
 */
import { firstDayOfMonth } from '../calendar/dates';
import type { AssistanceCaseData } from '../domain/assistanceCase';
import type { ProgrammeModule } from '../programmes/types';
import type { DrawRollInput, RollPerson } from './drawRoll';
import { paidInMonth } from './rollMonths';
import { maxLineFen } from './rollRules';
import type { RollLine, RollProblem } from './rollRecord';

interface CheckInput extends Omit<DrawRollInput, 'persons'> {
  module: ProgrammeModule;
  modules: Readonly<Record<string, ProgrammeModule>>;
  lines: readonly RollLine[];
  persons: ReadonlyMap<string, RollPerson>;
}

export function rollProblems(input: CheckInput): RollProblem[] {
  const { month, lines, persons, module, modules } = input;
  const firstDay = firstDayOfMonth(month);
  const cases = new Map(input.cases.map((c) => [c.id, c.data]));
  const paidBy = paidCasesByPerson(input);
  const problems: RollProblem[] = [];
  for (const line of lines) {
    const c = cases.get(line.caseId);
    const nameOf = (id: string) => persons.get(id)?.name ?? id;
    if (c && line.kind !== 'carried') {
      for (const personId of c.coveredPersonIds) {
        for (const other of paidBy.get(personId) ?? []) {
          if (other.id === line.caseId) continue;
          const p = other.data.programme;
          // Two one-offs (临时救助) are two helps, judged by the repeated-help rule (its
          // window and reason) when decided, not one monthly need paid twice.
          const excluded =
            (p === input.programme && module.payment !== 'once') ||
            module.excludes.includes(p) ||
            (modules[p]?.excludes ?? []).includes(input.programme);
          if (excluded) {
            problems.push({
              key: line.key,
              code: 'roll.paid_twice',
              params: { name: nameOf(personId), programme: p },
            });
          }
        }
        const diedOn = persons.get(personId)?.diedOn;
        if (diedOn && diedOn < firstDay) {
          problems.push({
            key: line.key,
            code: 'roll.deceased',
            params: { name: nameOf(personId), diedOn },
          });
        }
      }
    }
    if (line.paidFen <= 0) {
      problems.push({
        key: line.key,
        code: 'roll.amount_not_positive',
        params: { fen: line.paidFen },
      });
    } else {
      const limit = maxLineFen(
        input.reference.rules,
        input.programme,
        firstDay,
        c?.areaCode ?? null,
      );
      if (line.paidFen > limit) {
        problems.push({
          key: line.key,
          code: 'roll.amount_above_limit',
          params: { fen: line.paidFen, limit },
        });
      }
    }
    if (line.accountNumber === '') {
      problems.push({ key: line.key, code: 'roll.no_account', params: { name: line.payeeName } });
    }
  }
  return problems;
}

/** Every person covered by a case paid this month, with those cases (all programmes). */
function paidCasesByPerson(input: CheckInput) {
  const byPerson = new Map<string, { id: string; data: AssistanceCaseData }[]>();
  for (const c of input.cases) {
    const module = input.modules[c.data.programme];
    if (!module || !paidInMonth(module, c.data, input.month)) continue;
    for (const personId of c.data.coveredPersonIds) {
      const list = byPerson.get(personId) ?? [];
      list.push(c);
      byPerson.set(personId, list);
    }
  }
  return byPerson;
}
