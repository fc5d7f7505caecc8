/**
 * Keyboard-wedge ID-card readers (and barcode scanners reading the number off a card)
 * "type" the 18-character number as key presses a few milliseconds apart, often with a
 * trailing Enter. A person types far slower (100 ms and more between keys). This module
 * tells the two apart from key timings alone, so it is pure and tested with timings
 * fed in (test/node/idCard/idBurst.test.ts); useIdBurst.ts wires it to an input.
 */

/**
 * The longest gap between two keys of one reader burst. Readers type every 5–20 ms;
 * the fastest typists manage about 60–80 ms between keys, and never for 18 keys in a row.
 */
export const READER_KEY_GAP_MS = 50;

/** A reader's Enter comes right after its last character; later it is the user's. */
export const READER_ENTER_GAP_MS = READER_KEY_GAP_MS;

export const RESIDENT_ID_LENGTH = 18;

const idShape = /^\d{17}[\dX]$/;
const idChar = /^[\dXx]$/;

export type BurstVerdict =
  /** Nothing to do: let the key through. */
  | { kind: 'pass' }
  /** This key completes a reader burst: the field becomes exactly `idNumber`. */
  | { kind: 'complete'; idNumber: string }
  /** The reader's trailing Enter: swallow it so it submits nothing. */
  | { kind: 'swallowEnter' };

export interface IdBurstDetector {
  /** One key press (KeyboardEvent.key) at `atMs` (KeyboardEvent.timeStamp). */
  key(key: string, atMs: number): BurstVerdict;
}

export function createIdBurstDetector(gapMs = READER_KEY_GAP_MS): IdBurstDetector {
  let run = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  let completedAt = Number.NEGATIVE_INFINITY;

  return {
    key(key, atMs) {
      if (key === 'Enter') {
        const fromReader = atMs - completedAt <= READER_ENTER_GAP_MS;
        completedAt = Number.NEGATIVE_INFINITY;
        run = '';
        return fromReader ? { kind: 'swallowEnter' } : { kind: 'pass' };
      }
      // Shift (some readers send Shift+x for X), modifiers and the like neither break
      // nor extend a run; any other key (a letter, Backspace, an IME) ends it.
      if (key === 'Shift') return { kind: 'pass' };
      if (!idChar.test(key)) {
        run = '';
        lastAt = Number.NEGATIVE_INFINITY;
        return { kind: 'pass' };
      }
      if (atMs - lastAt > gapMs) run = '';
      lastAt = atMs;
      run = (run + key.toUpperCase()).slice(-RESIDENT_ID_LENGTH);
      if (run.length === RESIDENT_ID_LENGTH && idShape.test(run)) {
        const idNumber = run;
        run = '';
        completedAt = atMs;
        return { kind: 'complete', idNumber };
      }
      return { kind: 'pass' };
    },
  };
}
