import type { ActionOption } from '@shared/workflow/stateMachine';

export interface ArrangedAction {
  option: ActionOption<string>;
  variant: 'contained' | 'outlined';
  color: 'primary' | 'warning' | 'error';
}

/** A step that closes the case for good (撤回, 不予批准, 停保): it asks before it acts. */
export function isDestructive(option: ActionOption<string>): boolean {
  return option.closes;
}

/**
 * The workflow panel's buttons in order: the steps that move the case on, the first of
 * them the one filled (primary) button; then the steps back (return, re-investigate);
 * apart and last, the steps that close the case, never filled.
 */
export function arrangeActions(options: ActionOption<string>[]): {
  steps: ArrangedAction[];
  closing: ArrangedAction[];
} {
  const forward = options.filter((o) => o.kind === 'forward' && !isDestructive(o));
  const back = options.filter((o) => o.kind === 'back' && !isDestructive(o));
  const closing = options.filter((o) => isDestructive(o));
  const primary = forward.find((o) => o.blockedBy === null) ?? forward[0];
  return {
    steps: [
      ...forward.map((option) => ({
        option,
        variant: option === primary ? ('contained' as const) : ('outlined' as const),
        color: 'primary' as const,
      })),
      ...back.map((option) => ({
        option,
        variant: 'outlined' as const,
        color: 'warning' as const,
      })),
    ],
    closing: closing.map((option) => ({
      option,
      variant: 'outlined' as const,
      color: 'error' as const,
    })),
  };
}
