import { describe, expect, it } from 'vitest';
import { standingTotal } from '../../../renderer/src/ui/grid/standingTotal';

/** A list's total between its pages (ServerGrid): what stands while a recount comes. */
describe('the total a list shows while its count comes after the page', () => {
  it('shows a known total and keeps it', () => {
    const { shown, kept } = standingTotal({ total: 300, limited: true }, null, '王');
    expect(shown).toEqual({ total: 300, limited: true });
    expect(kept).toEqual({ filterKey: '王', total: 300, limited: true });
  });

  it('keeps showing the last total, and that the list was cut, until the next one comes', () => {
    const last = { filterKey: '王', total: 300, limited: true };
    const { shown, kept } = standingTotal(null, last, '王');
    expect(shown).toEqual({ total: 300, limited: true });
    // Nothing new to keep: the same object (no state change, no render loop).
    expect(kept).toBe(last);
  });

  it('hands back the same kept total when the count came again unchanged', () => {
    const last = { filterKey: '王', total: 300, limited: true };
    expect(standingTotal({ total: 300, limited: true }, last, '王').kept).toBe(last);
  });

  it('takes a recount that differs: a person added, or the cut gone', () => {
    const last = { filterKey: '王', total: 300, limited: true };
    const fewer = standingTotal({ total: 299, limited: false }, last, '王');
    expect(fewer.shown).toEqual({ total: 299, limited: false });
    expect(fewer.kept).toEqual({ filterKey: '王', total: 299, limited: false });
    // Only `limited` moved (the cap's total either way): still a new kept total.
    const cut = standingTotal({ total: 299, limited: true }, fewer.kept, '王');
    expect(cut.kept).not.toBe(fewer.kept);
    expect(cut.shown.limited).toBe(true);
  });

  it('lets no total of another filter stand: unknown until the new one is counted', () => {
    const last = { filterKey: '王', total: 300, limited: true };
    const { shown, kept } = standingTotal(null, last, '李');
    expect(shown).toEqual({ total: -1, limited: false });
    expect(kept).toBe(last);
    expect(standingTotal(null, null, '').shown.total).toBe(-1);
  });

  it('does not take an unknown page total (-1) as a count', () => {
    const last = { filterKey: '', total: 5000, limited: false };
    const { shown, kept } = standingTotal({ total: -1, limited: false }, last, '');
    expect(shown.total).toBe(5000);
    expect(kept).toBe(last);
  });
});
