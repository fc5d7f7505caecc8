/**
 * Who is covered in which category from when to when: the derived and hand spans of
 * each person resolved day by day by category priority (categories.ts), then joined
 * where the category stays the same. `coverageChanges` lists a period's changes from it.
 */
import { addDays } from '../calendar/dates';
import type { RuleBook } from '../programmes/ruleBook';
import { categoryPriority } from './categories';
import type { CoverageSpan } from './derive';

/** An effective coverage: the winning span's source, clipped to where it wins. */
export type CoverageSegment = CoverageSpan;

const open = '9999-12-31';

function byPerson(spans: readonly CoverageSpan[]): Map<string, CoverageSpan[]> {
  const map = new Map<string, CoverageSpan[]>();
  for (const s of spans) map.set(s.personId, [...(map.get(s.personId) ?? []), s]);
  return map;
}

/** The winning span on `day` among those covering it (priority as of that day). */
function winner(spans: readonly CoverageSpan[], day: string, rules: RuleBook) {
  let best: CoverageSpan | undefined;
  let bestPriority = -1;
  for (const s of spans) {
    if (s.from > day || (s.to ?? open) < day) continue;
    const p = categoryPriority(rules, s.category, day) ?? 0;
    // Equal priority: the earlier start keeps it (stable), derived before manual.
    if (p > bestPriority) [best, bestPriority] = [s, p];
  }
  return best;
}

/** One person's effective coverage, oldest first. */
function personTimeline(spans: readonly CoverageSpan[], rules: RuleBook): CoverageSegment[] {
  const sorted = [...spans].sort((a, b) => a.from.localeCompare(b.from));
  const cuts = new Set<string>();
  for (const s of sorted) {
    cuts.add(s.from);
    if (s.to !== null) cuts.add(addDays(s.to, 1));
  }
  const starts = [...cuts].sort();
  const out: CoverageSegment[] = [];
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    const end = next === undefined ? null : addDays(next, -1);
    const win = winner(sorted, start, rules);
    if (!win) return;
    const last = out[out.length - 1];
    if (
      last &&
      last.category === win.category &&
      last.to !== null &&
      addDays(last.to, 1) === start
    ) {
      last.to = end;
      return;
    }
    out.push({ ...win, from: start, to: end });
  });
  // The last cut is covered only by open spans: its piece stays open (end null).
  return out;
}

/** Every person's effective coverage, by person then date. */
export function coverageTimeline(
  spans: readonly CoverageSpan[],
  rules: RuleBook,
): CoverageSegment[] {
  const out: CoverageSegment[] = [];
  for (const list of byPerson(spans).values()) out.push(...personTimeline(list, rules));
  return out;
}

export type ChangeType = 'new' | 'changed' | 'ended';

export interface CoverageChange {
  type: ChangeType;
  personId: string;
  /** The day it takes effect: the first covered day (new, changed), the last (ended). */
  date: string;
  category: string;
  /** The category before a change. */
  previousCategory: string | null;
  segment: CoverageSegment;
}

export interface Period {
  from: string;
  to: string;
}

/**
 * The changes of a period (a month, a quarter or any from–to, both days included):
 * new (covered from a day in it after not being covered the day before), changed
 * (covered on both days, another category), ended (covered on a day in it, not the day
 * after). Sorted by date, then person.
 */
export function coverageChanges(
  timeline: readonly CoverageSegment[],
  period: Period,
): CoverageChange[] {
  const changes: CoverageChange[] = [];
  const inPeriod = (d: string) => d >= period.from && d <= period.to;
  const lists = byPerson(timeline);
  for (const list of lists.values()) {
    list.forEach((seg, i) => {
      const prev = list[i - 1];
      const next = list[i + 1];
      const joinsPrev = prev !== undefined && prev.to !== null && addDays(prev.to, 1) === seg.from;
      if (inPeriod(seg.from)) {
        changes.push({
          type: joinsPrev ? 'changed' : 'new',
          personId: seg.personId,
          date: seg.from,
          category: seg.category,
          previousCategory: joinsPrev ? prev.category : null,
          segment: seg,
        });
      }
      const joinsNext = next !== undefined && seg.to !== null && addDays(seg.to, 1) === next.from;
      if (seg.to !== null && inPeriod(seg.to) && !joinsNext) {
        changes.push({
          type: 'ended',
          personId: seg.personId,
          date: seg.to,
          category: seg.category,
          previousCategory: null,
          segment: seg,
        });
      }
    });
  }
  return changes.sort(
    (a, b) => a.date.localeCompare(b.date) || a.personId.localeCompare(b.personId),
  );
}

/** The segments covering `day` (the coverage list "as of" a day). */
export function coveredOn(timeline: readonly CoverageSegment[], day: string): CoverageSegment[] {
  return timeline.filter((s) => s.from <= day && (s.to ?? open) >= day);
}
