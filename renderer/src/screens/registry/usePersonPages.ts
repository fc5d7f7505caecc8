import { useCallback, useRef, useState } from 'react';
import { personsPage, type Person } from '../../db/repositories/persons';
import { useSession } from '../../state/session';

const pageSize = 100;
/** Pages kept either side of the visible ones; the rest are dropped to bound memory. */
const keepPages = 20;

interface Cache {
  /** The person count the pages were read for: a new registration shifts every page. */
  count: number;
  pages: Map<number, Person[]>;
}

const nothing = new Map<number, Person[]>();

/**
 * Windows of the whole registry for the virtualized list: only the pages around what
 * is on screen are read (personsPage), so 200,000 persons scroll like 200.
 */
export function usePersonPages(count: number) {
  const db = useSession((s) => s.db);
  const [cache, setCache] = useState<Cache>({ count: -1, pages: nothing });
  const requested = useRef<{ count: number; pages: Set<number> }>({ count: -1, pages: new Set() });
  const pages = cache.count === count ? cache.pages : nothing;

  const rowAt = useCallback(
    (index: number): Person | undefined =>
      pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    [pages],
  );

  /** Reads the pages covering rows first..last that are not loaded or loading yet. */
  const ensure = useCallback(
    (first: number, last: number) => {
      if (requested.current.count !== count) requested.current = { count, pages: new Set() };
      const from = Math.floor(first / pageSize);
      const to = Math.floor(last / pageSize);
      const wanted = requested.current.pages;
      for (const p of wanted) if (p < from - keepPages || p > to + keepPages) wanted.delete(p);
      for (let p = from; p <= to; p++) {
        if (wanted.has(p)) continue;
        wanted.add(p);
        void personsPage(db, p * pageSize, pageSize).then((rows) =>
          setCache((prev) => {
            const next = new Map(prev.count === count ? prev.pages : nothing);
            for (const k of next.keys()) if (!wanted.has(k)) next.delete(k);
            next.set(p, rows);
            return { count, pages: next };
          }),
        );
      }
    },
    [db, count],
  );

  return { rowAt, ensure };
}
