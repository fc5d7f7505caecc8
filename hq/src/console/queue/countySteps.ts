import { moduleOf } from '@shared/programmes/caseEngine';
import { programmeModules } from '@shared/programmes/registry';
import type { ProgrammeModule } from '@shared/programmes/types';

/**
 * What the county may do, read from the programmes' workflows (never a status name
 * written here): the actions with the role 'county' from a status, and which of them
 * approve (the action's marks include 'approved': 低保's confirm, 临时救助's approve).
 */
export interface CountyAction {
  action: string;
  to: string;
  approves: boolean;
  kind: 'forward' | 'back';
}

export function countyActionsOf(module: ProgrammeModule, status: string): CountyAction[] {
  return Object.entries(module.workflow.actions)
    .filter(([, a]) => a.roles.includes('county') && a.from.includes(status))
    .map(([action, a]) => ({
      action,
      to: a.to,
      kind: a.kind,
      approves: (module.workflow.marks[action] ?? []).includes('approved'),
    }));
}

/** The county's actions on a case as it stands (none: it does not wait for the county). */
export const countyActionsOfCase = (c: { programme?: string; status: string }): CountyAction[] =>
  countyActionsOf(moduleOf(c), c.status);

/** The case's approving county action from its status (bulk confirm takes it), if any. */
export const approvingActionOf = (c: { programme?: string; status: string }): string | null =>
  countyActionsOfCase(c).find((a) => a.approves)?.action ?? null;

/**
 * The statuses an approving step reaches, per programme: a case that got there by a
 * step whose actor was not the county was confirmed at the township (delegation).
 */
export function approvedStatuses(programme: string): Set<string> {
  const module = (programmeModules as Record<string, ProgrammeModule>)[programme];
  if (!module) return new Set();
  return new Set(
    Object.entries(module.workflow.actions)
      .filter(([action]) => (module.workflow.marks[action] ?? []).includes('approved'))
      .map(([, a]) => a.to),
  );
}
