import { describe, expect, it } from 'vitest';
import { residentIdIssues } from '@shared/identity/residentId';
import { uniquePerson } from '../../support/officeWork';

/**
 * The persons the HQ and chaos suites make stay valid however long a run is: a chaos run
 * of 300 aborted after about 10,000 persons when birth dates reached the future
 * (issue #17 item 7). Three cycles of the generator: every ID valid and none repeated.
 */
describe('uniquePerson over a long run', () => {
  it('gives 30,000 valid, distinct ID numbers, none born in the future', () => {
    const seen = new Set<string>();
    const today = '2026-12-05';
    for (let i = 0; i < 30_000; i++) {
      const person = uniquePerson('王五');
      expect(residentIdIssues(person.idNumber, today), person.idNumber).toEqual([]);
      expect(person.birthDate <= today).toBe(true);
      seen.add(person.idNumber);
    }
    expect(seen.size).toBe(30_000);
  });
});
