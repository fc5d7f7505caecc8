import { describe, expect, it } from 'vitest';
import { provinceTable, runProvincePull } from '../../load/provincePull';
import { hqStorages } from '../../support/hqHarness';

/**
 * The province-sized pull (issue #17 item 4), small: a template office pushed through
 * the real HQ and copied in SQL to other offices; a fresh desk of one copy pulls through
 * the real engine, gets every record as its own office's and none of another's (the run
 * checks that itself, and throws otherwise), and the report compares it with the bare
 * baseline. The figures at scale are `npm run load -- --province`'s, never asserted here.
 */
describe.each(hqStorages)('the province pull on $kind', (storage) => {
  it('copies an office to the others and pulls one copy whole, its own records only', async () => {
    const result = await runProvincePull({
      offices: 4,
      records: 400,
      seed: 3,
      databaseUrl: storage.serverUrl,
      log: () => undefined,
    });
    const perOffice = result.recordsPerOffice;
    expect(perOffice).toBeGreaterThan(200);
    // The template and three copies: every copy's changes and records are at HQ (the run
    // itself checks each office's stream: its changes numbered without a gap up to its
    // counter, and that the pulled desk got exactly the office's records, its own only).
    expect(result.hqRows.changes).toBeGreaterThanOrEqual(4 * perOffice);
    expect(result.hqRows.records).toBeGreaterThanOrEqual(4 * perOffice);
    expect(result.alone.records).toBe(perOffice);
    expect(result.province.records).toBe(perOffice);
    expect(result.bare.records).toBe(perOffice);
    expect(result.profiled).toBe(false);
    expect(provinceTable(result)).toContain('province pull / bare');
  }, 180_000);
});
