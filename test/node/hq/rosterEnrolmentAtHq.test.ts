import { afterEach, describe, expect, it } from 'vitest';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { officeToday } from '@shared/validation/dates';
import { commitCases, dryRunCases } from '../../../renderer/src/db/repositories/import/caseImport';
import { adminPost } from '../../support/hqHarness';
import { sync } from '../../support/syncDesks';
import { caseFile, families } from '../import/caseRosterKit';
import { applyForDibao, registerFamily } from '../../support/officeWork';
import {
  cases,
  Forge,
  forgerActors,
  hqCase,
  reasonOf,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * 名册转入 at HQ: the step is replayed with the same guard (the county's window on the
 * step's day, the roster's month) and only a supervisor may take it from a draft; the
 * amount stays the calculator's. A forged step or a forged amount is refused with its
 * reason; an honest import synced stands at HQ as the desk wrote it.
 */

afterEach(stopHostileOffice);

const enrol = { action: 'enrol_from_roster', from: 'draft', to: 'active' };
const stepFields = (paymentFrom: string, decidedOn: string | null = '2020-05-01') => ({
  status: 'active',
  paymentFrom,
  decidedOn,
});

describe.each(cases.filter((c) => c.mode === 'online'))(
  '名册转入 at HQ, $storage.kind',
  ({ storage, mode }) => {
    it('refuses a forged enrolment for each reason and keeps an honest import’s cases', async () => {
      const office = await setUp(storage);
      // The county opens the window from March, closed again in April (the forger's
      // ops are of 15 April).
      await publish({ value: 1, effectiveFrom: '2026-03-01', effectiveTo: null });
      await publish({ value: 0, effectiveFrom: '2026-04-01', effectiveTo: '2026-04-30' });
      async function publish(rule: {
        value: number;
        effectiveFrom: string;
        effectiveTo: string | null;
      }) {
        const published = await adminPost(office.hq.url, '/rules', {
          key: 'roster.enrolment',
          ...rule,
          note: '名册转入期',
          publishedBy: '县民政局',
        });
        expect(published.status).toBe(200);
      }
      /** The step and its event dated in May (in the window; the forger's clock is April). */
      let minute = 0;
      const inMay = (ops: QueueEntry[]): QueueEntry[] => {
        minute += 1;
        const at = `2026-05-20T02:${String(minute).padStart(2, '0')}:00.000Z`;
        return ops.map((o) =>
          o.kind === 'caseEvent'
            ? { ...o, createdAt: at, fields: { ...o.fields, at } }
            : { ...o, createdAt: at },
        );
      };
      const forge = new Forge(office, mode);
      await forge.start();
      const { registrar, supervisor } = forgerActors;
      const draft = await hqCase(office, office.draftId);

      // A registrar may not.
      const byRegistrar = await forge.send(
        inMay(
          forge.step(office.draftId, draft.version, enrol, registrar, {
            fields: stepFields('2026-04'),
          }),
        ),
      );
      expect(reasonOf(byRegistrar[0])).toBe('workflow.role_may_not');
      // A month before the window's first.
      const early = await forge.send(
        inMay(
          forge.step(office.draftId, draft.version, enrol, supervisor, {
            fields: stepFields('2026-02'),
          }),
        ),
      );
      expect(reasonOf(early[0])).toBe('enrol.payment_before_window');
      // Outside the window on the step's day (15 April: closed for April).
      const outside = await forge.send(
        forge.step(office.draftId, draft.version, enrol, supervisor, {
          fields: stepFields('2026-04'),
        }),
      );
      expect(reasonOf(outside[0])).toBe('enrol.window_closed');
      // From a case not a draft.
      const investigating = await hqCase(office, office.investigatingId);
      const notDraft = await forge.send(
        inMay(
          forge.step(
            office.investigatingId,
            investigating.version,
            { ...enrol, from: 'investigating' },
            supervisor,
            { fields: stepFields('2026-04') },
          ),
        ),
      );
      expect(reasonOf(notDraft[0])).toBe('workflow.not_a_step');
      // The sheet's amount carried on the step: a step writes only the step's fields.
      const withAmount = await forge.send(
        inMay(
          forge.step(office.draftId, draft.version, enrol, supervisor, {
            fields: {
              ...stepFields('2026-04'),
              benefit: { ...(draft.data.benefit as object), benefitFen: 145_000 },
            },
          }),
        ),
      );
      expect(reasonOf(withAmount[0])).toBe('workflow.step_field');
      // …or forged into the draft's facts first: HQ recomputes and refuses.
      const forgedAmount = await forge.send([
        forge.op({
          recordId: office.draftId,
          baseVersion: draft.version,
          actor: supervisor,
          reason: '按原名册金额',
          fields: { benefit: { ...(draft.data.benefit as object), benefitFen: 145_000 } },
        }),
      ]);
      expect(reasonOf(forgedAmount[0])).toBe('benefit.mismatch');
      expect((await hqCase(office, office.draftId)).data).toMatchObject({
        status: 'draft',
        paymentFrom: null,
        benefit: draft.data.benefit,
      });

      // The honest step, within the window (20 May): HQ writes its own dates from the roster's.
      const honestStep = await forge.send(
        inMay(
          forge.step(office.draftId, draft.version, enrol, supervisor, {
            fields: stepFields('2026-04'),
          }),
        ),
      );
      expect(honestStep.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((await hqCase(office, office.draftId)).data).toMatchObject({
        status: 'active',
        paymentFrom: '2026-04',
        decidedOn: '2020-05-01',
        reviewDue: '2021-05-01',
        benefit: draft.data.benefit,
      });

      // An honest import at the desk (its day 2 March, in the window), synced.
      const desk = office.honest;
      await sync(desk);
      const made = await families(desk, 2);
      const { sheet, mapping } = await caseFile(
        made.map((f) => [
          f.head.name,
          f.head.idNumber,
          '低保',
          '2',
          '300',
          '1.00',
          '2026-03',
          '2019-08-01',
        ]),
      );
      const dry = await dryRunCases(desk.db, sheet, mapping, '2026-03-02');
      expect(dry.problems.map((p) => p.code)).toEqual([
        'import.amount_differs',
        'import.amount_differs',
      ]);
      await commitCases(desk.db, desk.as('supervisor'), { sheet, mapping, dry });
      const report = await sync(desk);
      expect(report.rejected).toBe(0);
      for (const f of made) {
        const atDesk = (
          await desk.db.cases.where('householdId').equals(f.family.household.id).toArray()
        )[0];
        if (!atDesk) throw new Error('no case at the desk');
        const atHq = await hqCase(office, atDesk.id);
        expect(atHq.data).toMatchObject({
          status: 'active',
          paymentFrom: '2026-03',
          decidedOn: '2019-08-01',
          benefit: { benefitFen: atDesk.benefit.benefitFen },
        });
        expect(atDesk.benefit.benefitFen).not.toBe(100);
      }

      // The county closes the window from November: a step dated back into it (20 May) is
      // refused, as a revoked delegation is — open on the step's day is not enough.
      await publish({ value: 0, effectiveFrom: '2026-11-01', effectiveTo: null });
      const late = await registerFamily(desk);
      const lateDraft = await applyForDibao(desk, {
        householdId: late.household.id,
        headPersonId: late.household.headPersonId,
        headName: late.household.headName,
        memberIds: late.members.map((m) => m.person.id),
      });
      expect((await sync(desk)).rejected).toBe(0);
      const backdated = await forge.send(
        inMay(forge.step(lateDraft.id, 1, enrol, supervisor, { fields: stepFields('2026-05') })),
      );
      expect(reasonOf(backdated[0])).toBe('enrol.window_closed');
      // Named for HQ's today, not the step's day.
      const refusal = backdated[0]?.status === 'rejected' ? backdated[0].reason : undefined;
      expect(refusal?.fieldErrors?.[0]?.params).toEqual({ day: officeToday(new Date()) });
      expect((await hqCase(office, lateDraft.id)).data.status).toBe('draft');
    });
  },
);
