import { afterEach, describe, expect, it } from 'vitest';
import { defaultConsoleConfig } from '../../../hq/src/console/consoleConfig';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { applyForTemporary, fireFacts, walk } from './temporaryKit';

/**
 * Hostile review of 抽查 (issue #14): a draw is random (not the same cases every time),
 * the size the configured share says, kept as drawn, with no route to change one.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('抽查 draws', () => {
  it('draws different samples of the set size, and keeps every draw as drawn', async () => {
    const hq = await startHq({
      server: { console: { ...defaultConsoleConfig, spotCheckPercent: 50 } },
    });
    running = hq;
    const desk = await openOfficeDesk('office-b', 'b1');
    await enroll(desk, hq);
    await sync(desk);
    const steps = ['submit', 'accept', 'start_investigation', 'record_opinion'] as const;
    for (let i = 0; i < 4; i++) {
      const small = await applyForTemporary(desk, await registerFamily(desk), fireFacts());
      await walk(desk, small.id, [...steps, 'approve_at_township']);
    }
    expect((await sync(desk)).rejected).toBe(0);
    await consoleUser(hq, 'li', 'reviewer');
    const reviewer = new ConsoleClient(hq.url);
    await reviewer.login('li');

    const samples: string[] = [];
    for (let i = 0; i < 12; i++) {
      const draw = await reviewer.call('POST', '/spot-checks', {});
      expect(draw.status).toBe(200);
      expect(draw.body).toMatchObject({ population: 4, percent: 50 });
      const caseIds = draw.body.caseIds as string[];
      expect(new Set(caseIds).size).toBe(2);
      samples.push([...caseIds].sort().join(','));
    }
    // Six pairs of four cases: twelve equal draws would be chance of (1/6)^11.
    expect(new Set(samples).size).toBeGreaterThan(1);

    const listed = (await reviewer.call('GET', '/spot-checks')).body.checks as {
      id: string;
      cases: { caseId: string }[];
    }[];
    expect(listed).toHaveLength(12);
    const asListed = listed
      .map((c) =>
        c.cases
          .map((x) => x.caseId)
          .sort()
          .join(','),
      )
      .reverse();
    expect(asListed).toEqual(samples);
    const first = listed.at(-1)?.id ?? '';
    for (const path of [`/spot-checks/${first}`, `/spot-checks/${first}/cases`]) {
      const change = await reviewer.call('POST', path, { caseIds: [] });
      expect({ path, status: change.status }).toEqual({ path, status: 404 });
    }
  });
});
