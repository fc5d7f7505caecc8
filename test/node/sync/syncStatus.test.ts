import { describe, expect, it } from 'vitest';
import { useSyncStatus, type SyncControls } from '../../../renderer/src/sync/syncStatus';

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

describe('sync status controls', () => {
  it('keeps a 立即同步 pressed before sync started for the scheduler that starts next, once', () => {
    const status = useSyncStatus.getState();
    expect(useSyncStatus.getState().running).toBe(false);
    status.controls.syncNow();
    status.controls.syncNow();
    const first = countingControls();
    status.setControls(first);
    expect(useSyncStatus.getState().running).toBe(true);
    expect(first.presses).toBe(1);
    // Handed over once: a later scheduler does not get it again.
    status.setControls(null);
    expect(useSyncStatus.getState().running).toBe(false);
    const second = countingControls();
    status.setControls(second);
    expect(second.presses).toBe(0);
    // While one runs, a press goes straight to it.
    useSyncStatus.getState().controls.syncNow();
    expect(second.presses).toBe(1);
    status.setControls(null);
  });
});
