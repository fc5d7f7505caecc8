import type { ChainBreakKind } from './seal';

/**
 * A desk's access chain as the county console shows it (hq/src/console/offices, console
 * DeskTable): the last entry HQ holds of it and every break HQ found, newest first.
 * One type for HQ's answer and the console's reading of it.
 */
export interface AccessChainView {
  /** Null before the desk's chain began (no sealed entry yet). */
  seq: number | null;
  breaks: {
    kind: ChainBreakKind;
    seq: number;
    missing: { from: number; to: number } | null;
    foundAt: string;
  }[];
}
