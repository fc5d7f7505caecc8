import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import {
  availableActions,
  defineWorkflow,
  describeActions,
  isTerminal,
  planTransition,
} from '@shared/workflow/stateMachine';

type S = 'open' | 'review' | 'done';
interface Ctx {
  ready: boolean;
}

const def = defineWorkflow<S, 'send' | 'bounce' | 'finish', Ctx>({
  states: ['open', 'review', 'done'],
  terminal: ['done'],
  actions: {
    send: { from: ['open'], to: 'review', roles: ['registrar'], kind: 'forward' },
    bounce: { from: ['review'], to: 'open', roles: ['supervisor'], kind: 'back' },
    finish: {
      from: ['review'],
      to: 'done',
      roles: ['supervisor'],
      kind: 'forward',
      requiresOpinion: true,
      guard: (ctx) => (ctx.ready ? null : { path: 'status', code: 'test.not_ready' }),
    },
  },
});

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('stateMachine', () => {
  it('lists actions by state, role and guard', () => {
    expect(availableActions(def, 'open', 'registrar', { ready: true })).toEqual(['send']);
    expect(availableActions(def, 'open', 'supervisor', { ready: true })).toEqual([]);
    expect(availableActions(def, 'review', 'supervisor', { ready: true })).toEqual([
      'bounce',
      'finish',
    ]);
    expect(availableActions(def, 'review', 'supervisor', { ready: false })).toEqual(['bounce']);
    const finish = describeActions(def, 'review', 'supervisor', { ready: false })[1];
    expect(finish).toEqual({
      action: 'finish',
      to: 'done',
      closes: true,
      kind: 'forward',
      requiresOpinion: true,
      requiresReason: false,
      blockedBy: { path: 'status', code: 'test.not_ready' },
    });
    expect(isTerminal(def, 'done')).toBe(true);
    expect(isTerminal(def, 'review')).toBe(false);
  });

  it('plans an allowed transition', () => {
    const ctx = { ready: true };
    expect(planTransition(def, { state: 'open', action: 'send', role: 'registrar', ctx })).toEqual({
      to: 'review',
      kind: 'forward',
    });
    expect(
      planTransition(def, {
        state: 'review',
        action: 'finish',
        role: 'supervisor',
        opinion: '同意',
        ctx,
      }).to,
    ).toBe('done');
  });

  it('refuses a wrong state or an unknown action as invalid_transition', () => {
    const ctx = { ready: true };
    const wrongState = thrown(() =>
      planTransition(def, { state: 'done', action: 'send', role: 'registrar', ctx }),
    );
    expect(wrongState.code).toBe('invalid_transition');
    expect(wrongState.details).toEqual({ from: 'done', action: 'send' });
    const unknown = thrown(() =>
      planTransition(def, { state: 'open', action: 'toString', role: 'registrar', ctx }),
    );
    expect(unknown.code).toBe('invalid_transition');
  });

  it('refuses a role as forbidden before checking the guard', () => {
    const error = thrown(() =>
      planTransition(def, {
        state: 'review',
        action: 'finish',
        role: 'admin',
        ctx: { ready: false },
      }),
    );
    expect(error.code).toBe('forbidden');
  });

  it('refuses a failed guard as invalid_transition carrying its reason', () => {
    const error = thrown(() =>
      planTransition(def, {
        state: 'review',
        action: 'finish',
        role: 'supervisor',
        opinion: 'ok',
        ctx: { ready: false },
      }),
    );
    expect(error.code).toBe('invalid_transition');
    expect(error.fieldErrors).toEqual([{ path: 'status', code: 'test.not_ready' }]);
  });

  it('requires an opinion where asked and a reason on every back transition', () => {
    const noOpinion = thrown(() =>
      planTransition(def, {
        state: 'review',
        action: 'finish',
        role: 'supervisor',
        opinion: '   ',
        ctx: { ready: true },
      }),
    );
    expect(noOpinion.code).toBe('validation');
    expect(noOpinion.fieldErrors).toEqual([{ path: 'opinion', code: 'workflow.opinion_required' }]);
    const noReason = thrown(() =>
      planTransition(def, {
        state: 'review',
        action: 'bounce',
        role: 'supervisor',
        ctx: { ready: true },
      }),
    );
    expect(noReason.fieldErrors).toEqual([{ path: 'reason', code: 'workflow.reason_required' }]);
    expect(
      planTransition(def, {
        state: 'review',
        action: 'bounce',
        role: 'supervisor',
        reason: '材料不全',
        ctx: { ready: true },
      }),
    ).toEqual({ to: 'open', kind: 'back' });
  });

  it('rejects a definition that leaves a terminal state or names an unknown state', () => {
    expect(() =>
      defineWorkflow<S, 'reopen', Ctx>({
        states: ['open', 'review', 'done'],
        terminal: ['done'],
        actions: { reopen: { from: ['done'], to: 'open', roles: ['supervisor'], kind: 'back' } },
      }),
    ).toThrow(AppError);
    expect(() =>
      defineWorkflow<string, 'x', Ctx>({
        states: ['open'],
        terminal: [],
        actions: { x: { from: ['open'], to: 'nowhere', roles: ['supervisor'], kind: 'forward' } },
      }),
    ).toThrow(/unknown state/);
  });
});
