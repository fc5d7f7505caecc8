import { describe, expect, it } from 'vitest';
import {
  chosenAfter,
  columnsToDrop,
  leastWidth,
} from '../../../renderer/src/ui/grid/narrowColumns';

// The cases list's columns as caseColumns.tsx sizes them: 868 px at least, 870 with the border.
const cases = [
  { field: 'applicantName', flex: 1.2, minWidth: 96 },
  { field: 'category', width: 120 },
  { field: 'status', width: 130 },
  { field: 'applicationDate', width: 112 },
  { field: 'decisionDue', flex: 1.4, minWidth: 150 },
  { field: 'amount', width: 120 },
  { field: 'updatedAt', width: 140 },
];

describe('columns left out of a narrow table', () => {
  it('drops nothing where every column fits', () => {
    expect(columnsToDrop(cases, ['updatedAt'], 1034)).toEqual([]);
    expect(columnsToDrop(cases, ['updatedAt'], 870)).toEqual([]);
    expect(columnsToDrop(cases, ['updatedAt'], 869)).toEqual(['updatedAt']);
  });

  it('drops the list’s first choices in turn, only as many as it takes', () => {
    // A 1024-pixel window: the list is 778 px wide in Chinese, 742 in English.
    expect(columnsToDrop(cases, ['updatedAt', 'category'], 778)).toEqual(['updatedAt']);
    expect(columnsToDrop(cases, ['updatedAt', 'category'], 742)).toEqual(['updatedAt']);
    expect(columnsToDrop(cases, ['updatedAt', 'category'], 700)).toEqual(['updatedAt', 'category']);
  });

  it('never drops a column the list did not name, nor one shown again by hand', () => {
    expect(columnsToDrop(cases, [], 400)).toEqual([]);
    expect(columnsToDrop(cases, ['updatedAt', 'unknown'], 400)).toEqual(['updatedAt']);
    // Shown by hand: kept, and not counted (showing it is choosing to scroll to it), so
    // it does not push another column out.
    expect(columnsToDrop(cases, ['updatedAt', 'category'], 742, new Set(['updatedAt']))).toEqual(
      [],
    );
    expect(columnsToDrop(cases, ['updatedAt', 'category'], 700, new Set(['updatedAt']))).toEqual([
      'category',
    ]);
  });

  it('counts a flex column at its least width and a column with no width as DataGrid does', () => {
    expect(leastWidth({ flex: 1, minWidth: 96 })).toBe(96);
    expect(leastWidth({ flex: 1 })).toBe(50);
    expect(leastWidth({ width: 120 })).toBe(120);
    expect(leastWidth({})).toBe(100);
  });

  it('keeps the column menu’s choices: a dropped column shown again, a column hidden', () => {
    // At 1024: 最后修改 dropped. The menu shows it again (the grid sends the whole model).
    const dropped = ['updatedAt'];
    const model = { updatedAt: false };
    const shown = chosenAfter({}, model, { updatedAt: true }, dropped);
    expect(shown).toEqual({ updatedAt: true });
    // The grid may also send a model without the field (shown: its default).
    expect(chosenAfter({}, model, {}, dropped)).toEqual({ updatedAt: true });
    // Hiding a column is a choice of its own, kept beside the drop.
    expect(chosenAfter({}, model, { updatedAt: false, category: false }, dropped)).toEqual({
      category: false,
    });
  });

  it('puts a column hidden and shown again back to the default, counted as before', () => {
    // Hidden by hand, then shown: not "shown by hand", so it still counts toward the width
    // (and 最后修改 is still dropped at 1024).
    const hidden = chosenAfter({}, {}, { applicantName: false }, []);
    expect(hidden).toEqual({ applicantName: false });
    const again = chosenAfter(hidden, hidden, { applicantName: true }, []);
    expect(again).toEqual({});
    const shownByHand = new Set(Object.keys(again).filter((f) => again[f] === true));
    expect(columnsToDrop(cases, ['updatedAt'], 778, shownByHand)).toEqual(['updatedAt']);
  });
});
