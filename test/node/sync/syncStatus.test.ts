import { describe, expect, it } from 'vitest';
import {
  initialSyncStatus,
  isEnrolled,
  isRunning,
  useSyncStatus,
  type SyncControls,
} from '../../../renderer/src/sync/syncStatus';

/** Controls that count the 立即同步 presses they are handed. */
function countingControls(): SyncControls & { presses: number } {
  const controls = {
    presses: 0,
    syncNow: () => {
      controls.presses += 1;
    },
    reloadEnrollment: () => Promise.resolve(),
    noteHqTime: () => undefined,
  };
  return controls;
}

describe('sync status', () => {
  it('starts as starting, enrolled neither way until sync says', () => {
    expect(initialSyncStatus.state).toEqual({ kind: 'starting' });
    expect(isEnrolled({ kind: 'starting' })).toBe(false);
    expect(isEnrolled({ kind: 'not_enrolled' })).toBe(false);
    expect(isEnrolled({ kind: 'otherTab' })).toBe(true);
    expect(isEnrolled({ kind: 'idle' })).toBe(true);
  });

  it('runs 立即同步 through the scheduler while one runs, and says whether one does', () => {
    const status = useSyncStatus.getState();
    expect(isRunning(useSyncStatus.getState().controls)).toBe(false);
    const scheduler = countingControls();
    status.setControls(scheduler);
    expect(isRunning(useSyncStatus.getState().controls)).toBe(true);
    useSyncStatus.getState().controls.syncNow();
    expect(scheduler.presses).toBe(1);
    status.setControls(null);
    expect(isRunning(useSyncStatus.getState().controls)).toBe(false);
    useSyncStatus.getState().controls.syncNow();
    expect(scheduler.presses).toBe(1);
  });
});
