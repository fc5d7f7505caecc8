import { useRef, type KeyboardEvent } from 'react';
import { createIdBurstDetector, type IdBurstDetector } from './idBurst';

/**
 * The keydown handler of an ID-number input that recognises a keyboard-wedge reader
 * (idBurst.ts). On the burst's last key the field is set to exactly the number read
 * (whatever was in it before, wherever the caret was), and that key is not inserted;
 * the reader's trailing Enter is stopped here so no form or shortcut around the field
 * ever sees it.
 */
export function useIdBurst(onBurst: (idNumber: string) => void) {
  const detector = useRef<IdBurstDetector | null>(null);
  detector.current ??= createIdBurstDetector();

  return (event: KeyboardEvent<HTMLInputElement>): void => {
    // A held-down key auto-repeats at reader speed: never a reading.
    const key = event.repeat ? 'Repeat' : event.key;
    const verdict = detector.current?.key(key, event.timeStamp);
    if (!verdict || verdict.kind === 'pass') return;
    event.preventDefault();
    event.stopPropagation();
    if (verdict.kind === 'complete') onBurst(verdict.idNumber);
  };
}
