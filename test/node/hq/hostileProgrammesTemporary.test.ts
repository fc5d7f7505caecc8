import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { officeToday } from '@shared/validation/dates';
import type { OpResult } from '@shared/sync/protocol';
import { loadHqKeys, publicHqKeys } from '../../../hq/src/store/hqKeys';
import { adminPost, startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { connect, enroll, openOfficeDesk, sync } from '../../support/syncDesks';
import { cases, Forge, forgerActors, hqCase, type Office } from './hostileDeskKit';
import { keyedDesk } from './packageKit';
import { applyForTemporary, fireFacts, walk } from './temporaryKit';

/**
 * Hostile review of 临时救助 at a real HQ: help handed over first (先行救助) IS the case's
 * one-off payment, checked against the township's limit and the emergency kind when it
 * was given. A forged correction after it — while the paperwork follows (调查中) — may
 * not raise the amount past the limit (then referred to the county: cash given beyond
 * what the township may give), lower it, or make the case 支出型: the record of what
 * was handed over would no longer be what was handed over.
 */

let running: RunningHq | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const rule = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(cases)(
  '临时救助 helped first, corrected after ($storage.kind, $mode)',
  ({ storage, mode }) => {
    it('keeps the amount and kind of help handed over first', async () => {
      const hq = await startHq({ storage });
      running = hq;
      const honest = await openOfficeDesk('office-a', 'a1');
      await enroll(honest, hq);
      await sync(honest); // rural S = 63 200 fen; township limit 2 000 元
      const family = await registerFamily(honest);
      const helped = await applyForTemporary(honest, family, fireFacts());
      await walk(honest, helped.id, ['submit', 'accept', 'help_first', 'start_investigation']);
      expect((await sync(honest)).rejected).toBe(0);

      const forger = await keyedDesk(hq.hq, 'office-a', 'f1');
      const hqKeys = await loadHqKeys(hq.hq);
      await connect(forger.desk, { token: forger.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
      expect((await sync(forger.desk)).rejected).toBe(0);
      const office = { hq, hqKeys, honest, other: honest, forger } as unknown as Office;
      const forge = new Forge(office, mode);
      await forge.start();
      (forge as unknown as { clock: number }).clock = Date.now();

      const before = await hqCase(office, helped.id);
      expect(before.data).toMatchObject({ status: 'investigating' });
      expect(before.data.helpedFirstOn).not.toBeNull();
      const benefit = before.data.benefit as Record<string, unknown>;
      const correct = (fields: Record<string, unknown>) =>
        forge.op({
          recordId: helped.id,
          op: 'update',
          baseVersion: before.version,
          fields,
          reason: '核实后更正',
          actor: forgerActors.supervisor,
        });
      // 3 000 元 (tier3, over the township's 2 000 元) after 1 500 元 were handed over.
      const raised = correct({
        programmeFacts: fireFacts({ proposedFen: 300000 }),
        benefit: { ...benefit, benefitFen: 300000, classification: 'tier3' },
      });
      // The same help, now called 支出型 (help first is for sudden hardship only).
      const expenditure = correct({
        programmeFacts: fireFacts({
          kind: 'expenditure',
          cause: 'medical',
          spendingFen: 200000,
        }),
      });
      const [r1, r2] = [await forge.send([raised]), await forge.send([expenditure])];
      expect(rule(r1[0])).toEqual(['programmeFacts.proposedFen:temporary.helped_first_fixed']);
      expect(rule(r2[0])).toEqual(['programmeFacts.kind:temporary.helped_first_fixed']);
      expect((await hqCase(office, helped.id)).data).toEqual(before.data);

      // Other facts (the description) may still be corrected while the paperwork follows.
      const described = await forge.send([
        correct({ programmeFacts: fireFacts({ description: '住房失火，衣被与口粮全毁' }) }),
      ]);
      expect(rule(described[0])).toBe('applied');
    });

    it('refuses a recomputation line that raises a decided one-off amount', async () => {
      const hq = await startHq({ storage });
      running = hq;
      const honest = await openOfficeDesk('office-a', 'a1');
      await enroll(honest, hq);
      // The county raises the rural standard from April: 632 → 700 yuan (tier3 cap 4 200 元).
      const published = await adminPost(hq.url, '/standards', {
        areaCode: '330102',
        category: 'rural',
        effectiveFrom: '2026-04-01',
        effectiveTo: null,
        amountFen: 70000,
        note: '',
        publishedBy: '县民政局',
      });
      expect(published.status).toBe(200);
      await sync(honest);
      const family = await registerFamily(honest);
      // 5 000 元 proposed: capped at tier3, 6 × 632 = 3 792 元, and referred to the county.
      const large = await applyForTemporary(honest, family, fireFacts({ proposedFen: 500000 }));
      expect(large.benefit).toMatchObject({ benefitFen: 379200, classification: 'tier3' });
      await walk(honest, large.id, [
        'submit',
        'accept',
        'start_investigation',
        'record_opinion',
        'submit_to_county',
      ]);
      expect((await sync(honest)).rejected).toBe(0);
      const approved = await adminPost(hq.url, `/cases/${large.id}/decision`, {
        action: 'approve',
        opinion: '同意救助3792元',
        decidedBy: '县民政局',
      });
      expect(approved.status).toBe(200);

      const forger = await keyedDesk(hq.hq, 'office-a', 'f1');
      const hqKeys = await loadHqKeys(hq.hq);
      await connect(forger.desk, { token: forger.token, hqKeys: publicHqKeys(hqKeys) }, hq.url);
      expect((await sync(forger.desk)).rejected).toBe(0);
      const office = { hq, hqKeys, honest, other: honest, forger } as unknown as Office;
      const forge = new Forge(office, mode);
      await forge.start();
      (forge as unknown as { clock: number }).clock = Date.now();
      const before = await hqCase(office, large.id);
      expect(before.data).toMatchObject({ status: 'approved' });
      const oldBenefit = before.data.benefit as Record<string, unknown>;
      // What the module computes for April: 4 200 元 under the new standard.
      const newBenefit = {
        ...oldBenefit,
        standardId: (published.body as { id: string }).id,
        standardFen: 70000,
        benefitFen: 420000,
        computedForDate: '2026-04-01',
      };
      const listId = newRecordId();
      const created = forge.op({
        kind: 'benefitRecomputation',
        op: 'create',
        recordId: listId,
        baseVersion: 0,
        actor: forgerActors.supervisor,
        fields: {
          programme: 'temporary',
          month: '2026-04',
          standardNote: '2026年4月起农村低保标准700元',
          status: 'draft',
          lines: [
            {
              caseId: large.id,
              applicantName: String(before.data.applicantName),
              areaCode: '330102',
              oldBenefit,
              newBenefit,
            },
          ],
          unchangedCount: 0,
          preparedOn: '2026-04-01',
          approvedOn: null,
        },
      });
      expect(rule((await forge.send([created]))[0])).toBe('applied');
      const txId = newRecordId();
      const approval = forge.op({
        txId,
        kind: 'benefitRecomputation',
        recordId: listId,
        baseVersion: 1,
        actor: forgerActors.supervisor,
        fields: { status: 'approved' },
      });
      approval.fields.approvedOn = officeToday(new Date(approval.createdAt));
      const [listed, raised] = await forge.send([
        approval,
        forge.op({
          txId,
          recordId: large.id,
          baseVersion: before.version,
          actor: forgerActors.supervisor,
          fields: { benefit: newBenefit },
          reason: '标准调整重算',
        }),
      ]);
      // The county approved 3 792 元; a one-off payment is not a month's benefit to
      // recompute: HQ's own recomputation of April has no line for it, so the list is
      // refused, and the correction with it.
      expect(rule(listed)).toEqual(['lines:dynamics.recomputation_lines_differ']);
      expect(rule(raised)).toEqual(['status:case.not_editable']);
      expect((await hqCase(office, large.id)).data.benefit).toEqual(oldBenefit);
    });
  },
);
