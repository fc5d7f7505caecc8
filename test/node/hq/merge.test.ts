import { describe, expect, it } from 'vitest';
import { mergeChange, type IncomingChange, type RecordState } from '../../../hq/src/sync/merge';

const clock = (ms: number, device: string) => `${String(ms).padStart(15, '0')}-000000-${device}`;

function change(over: Partial<IncomingChange>): IncomingChange {
  return {
    kind: 'person',
    recordId: 'p1',
    officeId: 'o1',
    op: 'update',
    fields: {},
    baseVersion: 1,
    transition: null,
    hlc: clock(2000, 'devA'),
    deviceId: 'devA',
    actor: { userId: 'u-a', name: '甲', role: 'registrar' },
    createdAt: '2026-03-02T09:00:00.000Z',
    ...over,
  };
}

function created(): RecordState {
  const outcome = mergeChange(
    null,
    change({
      op: 'create',
      baseVersion: 0,
      fields: { phone: '1', address: 'x' },
      hlc: clock(1000, 'devA'),
    }),
  );
  if (outcome.type !== 'write') throw new Error('create failed');
  return outcome.state;
}

describe('HQ merge', () => {
  it('records a conflict on a renamed name, never on the search keys derived from it', () => {
    const base = created();
    const renamed = (name: string, device: string, ms: number) =>
      change({
        fields: { name, searchTokens: [name], idTails: [name] },
        deviceId: device,
        hlc: clock(ms, device),
      });
    const a = mergeChange(base, renamed('张三丰', 'devA', 3000));
    if (a.type !== 'write') throw new Error('a');
    const b = mergeChange(a.state, renamed('张三峰', 'devB', 2500));
    expect(b.type !== 'reject' && b.conflicts.map((c) => c.field)).toEqual(['name']);
  });

  it('takes an optional field the create left out without a conflict, even from a desk that has not synced yet', () => {
    // The desk created the record and set the new field before any push: its update's
    // base is 0 (it has seen no HQ version). Nobody else ever set the field.
    const base = created();
    const first = mergeChange(
      base,
      change({ fields: { diedOn: '2026-03-01' }, baseVersion: 0, deviceId: 'devA' }),
    );
    expect(first).toMatchObject({ type: 'write', conflicts: [] });
    if (first.type !== 'write') throw new Error('first');
    expect(first.state.data.diedOn).toBe('2026-03-01');
    // Once set, another device's unseen value for it is a conflict as for any field.
    const other = mergeChange(
      first.state,
      change({
        fields: { diedOn: '2026-02-28' },
        baseVersion: 1,
        deviceId: 'devB',
        hlc: clock(2500, 'devB'),
      }),
    );
    expect(other.type !== 'reject' && other.conflicts.map((c) => c.field)).toEqual(['diedOn']);
  });

  it('merges different fields from two devices without a conflict', () => {
    const base = created();
    const a = mergeChange(base, change({ fields: { phone: '2' } }));
    if (a.type !== 'write') throw new Error('a');
    const b = mergeChange(
      a.state,
      change({ fields: { address: 'y' }, deviceId: 'devB', hlc: clock(1500, 'devB') }),
    );
    expect(b).toMatchObject({ type: 'write', conflicts: [] });
    if (b.type === 'write') expect(b.state.data).toEqual({ phone: '2', address: 'y' });
  });

  it('keeps the later clock on the same field AND records the conflict with both values', () => {
    const base = created();
    const a = mergeChange(base, change({ fields: { phone: 'A' }, hlc: clock(3000, 'devA') }));
    if (a.type !== 'write') throw new Error('a');
    // B edited the same version 1, with an earlier clock: A's value stays.
    const b = mergeChange(
      a.state,
      change({ fields: { phone: 'B' }, deviceId: 'devB', hlc: clock(2500, 'devB') }),
    );
    expect(b.type).toBe('unchanged');
    expect(b.type !== 'reject' && b.conflicts).toEqual([
      expect.objectContaining({ field: 'phone', keptValue: 'A', otherValue: 'B' }),
    ]);
  });

  it('breaks a clock tie by device id, the same way on every HQ', () => {
    const base = created();
    const a = mergeChange(base, change({ fields: { phone: 'A' }, hlc: clock(3000, 'devA') }));
    if (a.type !== 'write') throw new Error('a');
    const b = mergeChange(
      a.state,
      change({ fields: { phone: 'B' }, deviceId: 'devB', hlc: clock(3000, 'devB') }),
    );
    expect(b.type).toBe('write');
    if (b.type === 'write') expect(b.state.data.phone).toBe('B');
  });

  it('never merges a late workflow step: it becomes a transition conflict', () => {
    const base = mergeChange(
      null,
      change({
        kind: 'assistanceCase',
        op: 'create',
        baseVersion: 0,
        fields: { status: 'accepted' },
      }),
    );
    if (base.type !== 'write') throw new Error('base');
    const late = mergeChange(
      base.state,
      change({
        kind: 'assistanceCase',
        op: 'transition',
        fields: { status: 'accepted' },
        transition: { action: 'accept', from: 'submitted', to: 'accepted' },
        deviceId: 'devB',
      }),
    );
    expect(late).toMatchObject({
      type: 'unchanged',
      conflicts: [{ type: 'transition', field: 'status' }],
    });
  });

  it('merges a second create of a fixed-id record as an edit from nothing', () => {
    const base = created();
    const again = mergeChange(
      base,
      change({
        op: 'create',
        baseVersion: 0,
        fields: { phone: '1', address: 'z' },
        deviceId: 'devB',
        hlc: clock(4000, 'devB'),
      }),
    );
    expect(again.type).toBe('write');
    if (again.type === 'write') {
      expect(again.state.data).toEqual({ phone: '1', address: 'z' });
      expect(again.conflicts.map((c) => c.field)).toEqual(['address']);
    }
  });
});
