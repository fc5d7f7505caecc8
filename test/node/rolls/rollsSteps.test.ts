import { describe, expect, it } from 'vitest';
import { rollVersionIssues, rollWriteIssues } from '@shared/rolls/rollSteps';

/** The steps of a roll, the same rule at the desk and at HQ. */
describe('rollWriteIssues', () => {
  const codes = (...args: Parameters<typeof rollWriteIssues>) =>
    rollWriteIssues(...args).map((i) => i.code);

  it('starts as a draft, is checked from a draft, approved from checked by a supervisor only', () => {
    expect(codes(null, { status: 'draft' }, 'registrar')).toEqual([]);
    expect(codes(null, { status: 'approved' }, 'supervisor')).toEqual(['roll.starts_as_draft']);
    expect(codes({ status: 'draft' }, { status: 'checked' }, 'registrar')).toEqual([]);
    expect(codes({ status: 'checked' }, { status: 'approved' }, 'registrar')).toEqual([
      'roll.approve_role',
    ]);
    expect(codes({ status: 'draft' }, { status: 'approved' }, 'supervisor')).toEqual([
      'roll.approve_unchecked',
    ]);
    expect(codes({ status: 'checked' }, { status: 'approved' }, 'supervisor')).toEqual([]);
  });

  it('never changes an approved roll, whoever asks', () => {
    for (const role of ['registrar', 'supervisor', 'admin']) {
      expect(codes({ status: 'approved' }, { status: 'approved' }, role)).toEqual(['roll.locked']);
    }
  });
});

describe('rollVersionIssues', () => {
  it('a new roll of a month is the next version, after approved ones only', () => {
    expect(rollVersionIssues({ rollVersion: 1 }, [])).toEqual([]);
    expect(rollVersionIssues({ rollVersion: 2 }, [{ rollVersion: 1, status: 'approved' }])).toEqual(
      [],
    );
    expect(
      rollVersionIssues({ rollVersion: 1 }, [{ rollVersion: 1, status: 'draft' }]).map((i) => [
        i.code,
        i.params?.next,
      ]),
    ).toEqual([['roll.version_taken', 2]]);
    expect(
      rollVersionIssues({ rollVersion: 2 }, [{ rollVersion: 1, status: 'checked' }]),
    ).toHaveLength(1);
    expect(
      rollVersionIssues({ rollVersion: 3 }, [{ rollVersion: 1, status: 'approved' }]),
    ).toHaveLength(1);
  });
});
