/**
 * Which steps of a programme decide a case, read from its module's step marks
 * (shared/programmes/types.ts): an action marked 'decided' refuses (it writes decidedOn,
 * no payment), one marked 'approved' grants. So a refusal notice or an approval form
 * works for any programme's workflow, whatever its actions and states are called.
 */
import { isProgramme, programmeModules } from '../programmes/registry';
import type { StepMark } from '../programmes/types';
import { stepsInOrder } from './caseSteps';
import type { PaperEvent } from './types';

/** The last of `steps` that `test` accepts (ES2022 has no findLast). */
function lastOf(steps: readonly PaperEvent[], test: (e: PaperEvent) => boolean) {
  return [...steps].reverse().find(test) ?? null;
}

function actionsMarked(programme: string, mark: StepMark): string[] {
  if (!isProgramme(programme)) return [];
  const marks = programmeModules[programme].workflow.marks;
  return Object.keys(marks).filter((action) => marks[action]?.includes(mark));
}

/** The states a refusing step leads to (低保: 'denied'). */
export function refusedStates(programme: string): string[] {
  if (!isProgramme(programme)) return [];
  const { actions } = programmeModules[programme].workflow;
  const to = actionsMarked(programme, 'decided').map(
    (a) => (actions as Record<string, { to: string } | undefined>)[a]?.to,
  );
  return [...new Set(to.filter((s): s is string => typeof s === 'string'))];
}

/** The last refusing step, or null. */
export function refusalStep(programme: string, events: readonly PaperEvent[]): PaperEvent | null {
  const refusing = actionsMarked(programme, 'decided');
  return lastOf(stepsInOrder(events), (e) => refusing.includes(e.action));
}

/** The last step that granted or refused the case, or null. */
export function decisionStep(programme: string, events: readonly PaperEvent[]): PaperEvent | null {
  const deciding = [
    ...actionsMarked(programme, 'approved'),
    ...actionsMarked(programme, 'decided'),
  ];
  return lastOf(stepsInOrder(events), (e) => deciding.includes(e.action));
}

/**
 * The township's opinion the 审批表 quotes: the last opinion written at the desk
 * (registrar or supervisor) before the decision — 低保's 初审 — not the decision itself.
 */
export function townshipOpinionStep(
  programme: string,
  events: readonly PaperEvent[],
): PaperEvent | null {
  const steps = stepsInOrder(events);
  const decision = decisionStep(programme, events);
  const before = decision ? steps.slice(0, steps.indexOf(decision)) : steps;
  return lastOf(before, (e) => e.actorRole !== 'county' && e.opinion.trim() !== '');
}
