/**
 * A small typed state machine for case workflows. It only plans a transition (who
 * may move a case from which state to which, with what opinion or reason); the write
 * path records it. Going back is an explicit transition with a reason, never an edit.
 */
import { AppError, type FieldError } from '../errors/appError';
import type { ActorRole } from '../domain/roles';

export interface WorkflowAction<S extends string, C> {
  from: readonly S[];
  to: S;
  roles: readonly ActorRole[];
  /** 'back' transitions (returns, re-investigation) always require a reason. */
  kind: 'forward' | 'back';
  requiresOpinion?: boolean;
  /** A business precondition on the context; returns the blocking problem or null. */
  guard?: (ctx: C) => FieldError | null;
}

export interface WorkflowDefinition<S extends string, A extends string, C> {
  states: readonly S[];
  terminal: readonly S[];
  actions: Readonly<Record<A, WorkflowAction<S, C>>>;
}

function definitionError(message: string): AppError {
  return new AppError({ code: 'internal', message: `Bad workflow definition: ${message}` });
}

/** Checks a definition once at module load, so a typo fails fast in tests. */
export function defineWorkflow<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
): WorkflowDefinition<S, A, C> {
  const states = new Set<string>(def.states);
  for (const t of def.terminal) {
    if (!states.has(t)) throw definitionError(`Terminal state ${t} is not a state.`);
  }
  for (const [id, action] of actionEntries(def)) {
    for (const s of [...action.from, action.to]) {
      if (!states.has(s)) throw definitionError(`Action ${id} uses unknown state ${s}.`);
    }
    if (action.from.some((s) => def.terminal.includes(s))) {
      throw definitionError(`Action ${id} leaves a terminal state.`);
    }
  }
  return def;
}

function actionEntries<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
): [A, WorkflowAction<S, C>][] {
  return Object.entries(def.actions) as [A, WorkflowAction<S, C>][];
}

export function isTerminal<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
  state: S,
): boolean {
  return def.terminal.includes(state);
}

export interface ActionOption<A extends string, S extends string = string> {
  action: A;
  /** The status the step leads to, and whether that closes the case for good. */
  to: S;
  closes: boolean;
  kind: 'forward' | 'back';
  requiresOpinion: boolean;
  requiresReason: boolean;
  /** Why the guard blocks it now (the UI shows the button disabled), or null. */
  blockedBy: FieldError | null;
}

/** Actions this role may take from `state`, including guard-blocked ones. */
export function describeActions<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
  state: S,
  role: ActorRole,
  ctx: C,
): ActionOption<A, S>[] {
  return actionEntries(def)
    .filter(([, a]) => a.from.includes(state) && a.roles.includes(role))
    .map(([action, a]) => ({
      action,
      to: a.to,
      closes: def.terminal.includes(a.to),
      kind: a.kind,
      requiresOpinion: a.requiresOpinion === true,
      requiresReason: a.kind === 'back',
      blockedBy: a.guard ? a.guard(ctx) : null,
    }));
}

/** Actions this role can take right now (allowed from `state` and guard passes). */
export function availableActions<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
  state: S,
  role: ActorRole,
  ctx: C,
): A[] {
  return describeActions(def, state, role, ctx)
    .filter((option) => option.blockedBy === null)
    .map((option) => option.action);
}

export interface TransitionRequest<S extends string, C> {
  state: S;
  /** A string, not A: it may arrive from IPC or a sync package unchecked. */
  action: string;
  role: ActorRole;
  opinion?: string | null;
  reason?: string | null;
  ctx: C;
}

function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/**
 * Validates one step and returns the target state. Throws AppError
 * 'invalid_transition' (unknown action, wrong state, guard failed),
 * 'forbidden' (role) or 'validation' (missing opinion / reason).
 */
export function planTransition<S extends string, A extends string, C>(
  def: WorkflowDefinition<S, A, C>,
  request: TransitionRequest<S, C>,
): { to: S; kind: 'forward' | 'back' } {
  const { state, action: id, role } = request;
  const details = { from: state, action: id };
  const action = Object.hasOwn(def.actions, id)
    ? (def.actions as Record<string, WorkflowAction<S, C>>)[id]
    : undefined;
  if (action === undefined || !action.from.includes(state)) {
    throw new AppError({
      code: 'invalid_transition',
      message: `Action ${id} is not allowed from ${state}.`,
      details,
    });
  }
  if (!action.roles.includes(role)) {
    throw new AppError({
      code: 'forbidden',
      message: `Role ${role} may not ${id}.`,
      details: { ...details, role },
    });
  }
  const blocked = action.guard ? action.guard(request.ctx) : null;
  if (blocked) {
    throw new AppError({
      code: 'invalid_transition',
      message: `Action ${id} is blocked: ${blocked.code}.`,
      fieldErrors: [blocked],
      details,
    });
  }
  const missing: FieldError[] = [];
  if (action.requiresOpinion && isBlank(request.opinion)) {
    missing.push({ path: 'opinion', code: 'workflow.opinion_required' });
  }
  if (action.kind === 'back' && isBlank(request.reason)) {
    missing.push({ path: 'reason', code: 'workflow.reason_required' });
  }
  if (missing.length > 0) {
    throw new AppError({
      code: 'validation',
      message: `Action ${id} needs ${missing.map((m) => m.path).join(' and ')}.`,
      fieldErrors: missing,
      details,
    });
  }
  return { to: action.to, kind: action.kind };
}
