import { describe, expect, it } from 'vitest';
import {
  createIdBurstDetector,
  READER_KEY_GAP_MS,
  type BurstVerdict,
} from '../../../renderer/src/idCard/idBurst';

const id = '11010519491231002X';

/** Feeds `keys` starting at `startMs`, one every `gapMs`; returns every verdict. */
function feed(keys: string[], gapMs: number, startMs = 1000, detector = createIdBurstDetector()) {
  return keys.map((key, i) => detector.key(key, startMs + i * gapMs));
}

const completes = (verdicts: BurstVerdict[]) => verdicts.filter((v) => v.kind === 'complete');

describe('keyboard-wedge burst detection', () => {
  it('a reader typing 18 characters 8 ms apart completes on the last one', () => {
    const verdicts = feed([...id], 8);
    expect(verdicts.slice(0, 17).every((v) => v.kind === 'pass')).toBe(true);
    expect(verdicts[17]).toEqual({ kind: 'complete', idNumber: id });
  });

  it('a lower-case x from the reader is read as X', () => {
    expect(completes(feed([...id.toLowerCase()], 5))).toEqual([{ kind: 'complete', idNumber: id }]);
  });

  it('a person typing 120 ms apart never triggers it', () => {
    expect(completes(feed([...id], 120))).toEqual([]);
  });

  it('a gap just over the threshold anywhere in the number breaks the burst', () => {
    const detector = createIdBurstDetector();
    const keys = [...id];
    let at = 0;
    const verdicts = keys.map((key, i) => {
      at += i === 9 ? READER_KEY_GAP_MS + 1 : 10;
      return detector.key(key, at);
    });
    expect(completes(verdicts)).toEqual([]);
  });

  it('a gap of exactly the threshold still counts as the reader', () => {
    expect(completes(feed([...id], READER_KEY_GAP_MS))).toHaveLength(1);
  });

  it('digits typed slowly before the burst do not join it', () => {
    const detector = createIdBurstDetector();
    feed(['3', '3', '0'], 200, 0, detector);
    const verdicts = feed([...id], 6, 2000, detector);
    expect(completes(verdicts)).toEqual([{ kind: 'complete', idNumber: id }]);
  });

  it("swallows the reader's Enter right after the burst, and only that one", () => {
    const detector = createIdBurstDetector();
    feed([...id], 7, 0, detector);
    const last = 17 * 7;
    expect(detector.key('Enter', last + 9)).toEqual({ kind: 'swallowEnter' });
    // The user's own Enter a moment later goes through.
    expect(detector.key('Enter', last + 600)).toEqual({ kind: 'pass' });
  });

  it("a user's Enter long after a burst is not swallowed", () => {
    const detector = createIdBurstDetector();
    feed([...id], 7, 0, detector);
    expect(detector.key('Enter', 17 * 7 + 400)).toEqual({ kind: 'pass' });
  });

  it('an Enter after slow typing is never swallowed', () => {
    const detector = createIdBurstDetector();
    feed([...id], 150, 0, detector);
    expect(detector.key('Enter', 18 * 150)).toEqual({ kind: 'pass' });
  });

  it('a letter or Backspace inside the run ends it', () => {
    const keys = [...id.slice(0, 9), 'Backspace', ...id.slice(9)];
    expect(completes(feed(keys, 5))).toEqual([]);
  });

  it('Shift (sent before X by some readers) neither breaks nor joins the run', () => {
    const keys = [...id.slice(0, 17), 'Shift', 'X'];
    expect(completes(feed(keys, 5))).toEqual([{ kind: 'complete', idNumber: id }]);
  });

  it('X anywhere but last is no ID: the run slides on until a well-formed 18 arrives', () => {
    const keys = ['X', ...id];
    expect(completes(feed(keys, 5))).toEqual([{ kind: 'complete', idNumber: id }]);
  });

  it('a second card read right after the first completes again', () => {
    const detector = createIdBurstDetector();
    const second = '110105194912310029';
    const verdicts = [...feed([...id], 5, 0, detector), ...feed([...second], 5, 5000, detector)];
    expect(completes(verdicts).map((v) => v.kind === 'complete' && v.idNumber)).toEqual([
      id,
      second,
    ]);
  });
});
