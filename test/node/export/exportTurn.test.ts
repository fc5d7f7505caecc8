import { beforeEach, describe, expect, it } from 'vitest';
import { exportState, forgetExport, useExportTurn } from '../../../renderer/src/export/exportTurn';

const turn = () => useExportTurn.getState();
const stateOf = (id: string) => exportState(id)(turn());

beforeEach(() => useExportTurn.setState({ running: null, shown: null, states: {} }));

describe('one list export at a time on the desk', () => {
  it('refuses a second export while one runs, and lets the next start when it ends', () => {
    expect(turn().start('export-persons', 'user-li')).toBe(true);
    expect(turn().start('export-households', 'user-li')).toBe(false);
    // Only the export under way ends the turn.
    turn().finish('export-households');
    expect(turn().running).toBe('export-persons');
    turn().finish('export-persons');
    expect(turn().running).toBeNull();
    expect(turn().start('export-households', 'user-li')).toBe(true);
    // The new export's message is the one on screen.
    expect(turn().shown).toBe('export-households');
  });

  it('keeps what an export said after its button is gone, until its message is closed', () => {
    turn().start('export-persons', 'user-li');
    expect(stateOf('export-persons').progress).toEqual({ done: 0, total: undefined, reading: 1 });
    turn().report('export-persons', { progress: { done: 500, total: 2000, reading: 1 } });
    // A button drawn again (its screen left and opened again) reads the same state.
    expect(stateOf('export-persons').progress).toEqual({ done: 500, total: 2000, reading: 1 });
    turn().report('export-persons', { done: { key: 'listExport.doneNoNumbers', rows: 2000 } });
    turn().finish('export-persons');
    // Who ran it stays with it: another person logged in since is not shown it (the button).
    expect(stateOf('export-persons')).toEqual({
      by: 'user-li',
      progress: null,
      done: { key: 'listExport.doneNoNumbers', rows: 2000 },
      error: null,
    });
    forgetExport('export-persons');
    expect(stateOf('export-persons')).toMatchObject({ progress: null, done: null, error: null });
    expect(stateOf('export-never-run')).toEqual({
      by: null,
      progress: null,
      done: null,
      error: null,
    });
  });

  it('starts a new export of the same list with its last end forgotten', () => {
    turn().start('export-persons', 'user-li');
    turn().report('export-persons', { error: { code: 'internal', message: 'x' } });
    turn().finish('export-persons');
    turn().start('export-persons', 'user-li');
    expect(stateOf('export-persons').error).toBeNull();
    expect(stateOf('export-persons').progress).not.toBeNull();
  });
});
