import { afterEach, describe, expect, it } from 'vitest';
import { adminPost, hqRowCounts, startHq, type RunningHq } from '../../support/hqHarness';

/** HQ adds an office only under a code the desk's first run would accept too. */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

describe('office codes at HQ', () => {
  it('refuses the letter O for zero and an empty code with the shared rule’s own code', async () => {
    hq = await startHq();
    const before = await hqRowCounts(hq.hq);
    const fieldErrorsOf = async (id: string) => {
      const answer = await adminPost(hq?.url ?? '', '/offices', { id, name: '城关镇民政办' });
      expect(answer.status, id).toBe(400);
      return (answer.body as { fieldErrors: unknown[] }).fieldErrors;
    };
    expect(await fieldErrorsOf('33O1O2001')).toEqual([
      { path: 'id', code: 'code.office_letter_in_digits', params: { value: '33O1O2001' } },
    ]);
    expect(await fieldErrorsOf('3301020011')).toMatchObject([
      { path: 'id', code: 'code.office_digits_length' },
    ]);
    expect(await hqRowCounts(hq.hq)).toEqual(before);

    const added = await adminPost(hq.url, '/offices', { id: '330102001', name: '城关镇民政办' });
    expect(added).toMatchObject({ status: 200, body: { id: '330102001' } });
  });
});
