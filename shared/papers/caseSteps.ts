/** The steps of a case in the order they happened, and the ones a paper quotes. */
import type { PaperEvent } from './types';

export function stepsInOrder(events: readonly PaperEvent[]): PaperEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A paper number no other desk gives out: prefix, date, the tail of the case's UUIDv7. */
export function paperNumber(prefix: string, date: string, caseId: string): string {
  const tail = caseId.replaceAll('-', '').slice(-6).toUpperCase();
  return `${prefix}${date.replaceAll('-', '')}-${tail}`;
}
