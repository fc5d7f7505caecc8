import { describe, expect, it } from 'vitest';
import { recomputeMonth } from '@shared/dynamics/recomputation';
import { reference, rollCase } from '../rolls/rollsFixtures';

/**
 * 特困's basic living follows the 低保 standard (tekun/calculate.ts), so a new rural
 * standard recomputes its paid cases too: rural 700.00 to June 2026, 750.00 from July.
 */
describe('a new 低保 standard recomputes the 特困 cases paid that month', () => {
  it('lists the 特困 case old → new, leaves a stopped one out', () => {
    const tekun = (id: string, over: Partial<Parameters<typeof rollCase>[0]>) => ({
      id,
      ...rollCase({
        programme: 'tekun',
        household: `h${id}`,
        persons: [`p${id}`],
        wagesFen: 0,
        ...over,
      }),
    });
    // Stored as computed in June: ceil(700.00 × 1300‰) = 910.00, no care part on file.
    const june = reference.rules.value('tekun.basicPermilleOfDibao', '2026-06-01');
    expect(june).toBe(1300);
    const stored = {
      standardId: 'rural-2026',
      standardFen: 70_000,
      coveredCount: 1,
      countedIncomeFen: 0,
      benefitFen: 91_000,
      classification: 'tekun',
      computedForDate: '2026-06-01',
      parts: [
        { code: 'basic', fen: 91_000 },
        { code: 'care', fen: 0 },
      ],
    };
    const paid = tekun('A', { benefit: stored });
    const stopped = tekun('B', { benefit: stored, status: 'terminated', paymentTo: '2026-06' });
    const { lines, unchangedCount } = recomputeMonth(
      'tekun',
      '2026-07',
      [paid, stopped],
      reference,
    );
    expect(unchangedCount).toBe(0);
    // ceil(750.00 × 1300‰) = 975.00.
    expect(lines.map((l) => [l.caseId, l.oldBenefit.benefitFen, l.newBenefit.benefitFen])).toEqual([
      ['A', 91_000, 97_500],
    ]);
  });
});
