import { afterEach, describe, expect, it } from 'vitest';
import { sampleCalendarYears } from '@shared/calendar/workingDays';
import { formatHlc } from '@shared/clock/hlc';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { caseStepContext } from '@shared/programmes/caseEngine';
import { dibaoWorkflow } from '@shared/programmes/dibao/workflow';
import { describeActions } from '@shared/workflow/stateMachine';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import {
  createDibaoCase,
  updateDibaoCase,
  type AssistanceCase,
} from '../../../renderer/src/db/repositories/cases';
import { loadCalendar } from '../../../renderer/src/db/repositories/reference';
import { loadSettings } from '../../../renderer/src/db/repositories/settings';
import { adminPost, hqOfficeRecords } from '../../support/hqHarness';
import { registerFamily, step } from '../../support/officeWork';
import { deskOfficeRecords, recordDifferences, sync, type SyncDesk } from '../../support/syncDesks';
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
 * A case's dates judged alike at the desk and at the real HQ: the 公示 over only from the
 * day after its last day (on a calendar with 国庆 holidays and a 调休 Saturday), no step
 * dated before the application or an earlier step, and a correction only with its
 * reason and only before the 公示 — each also as a forged op pushed straight to HQ.
 */

afterEach(stopHostileOffice);

/** The ops as a desk would have written them at `iso` (its moment and its clock). */
function at(iso: string, ops: QueueEntry[]): QueueEntry[] {
  const wallMs = Date.parse(iso);
  return ops.map((op) => ({
    ...op,
    createdAt: iso,
    hlc: formatHlc({ wallMs, counter: op.seq, node: op.deviceId }),
    fields: op.kind === 'caseEvent' ? { ...op.fields, at: iso } : op.fields,
  }));
}

async function newCase(desk: SyncDesk, applicationDate: string): Promise<AssistanceCase> {
  const f = await registerFamily(desk);
  return createDibaoCase(desk.db, desk.ctx, {
    householdId: f.household.id,
    applicantPersonId: f.household.headPersonId,
    applicantName: f.household.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: f.members.map((m) => m.person.id),
    income: { wagesFen: 50000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate,
  });
}

/** The desk's days: its clock starts on 2026-03-02 (setUp); this moves it to `day`. */
function setDay(desk: SyncDesk, from: string, day: string) {
  desk.advanceDays((Date.parse(day) - Date.parse(from)) / 86_400_000);
}

describe.each(cases)(
  'case dates at the desk and at HQ, $storage.kind, $mode',
  ({ storage, mode }) => {
    it('ends the 公示 on the day after its last day, on the county calendar, everywhere', async () => {
      const office = await setUp(storage);
      const { honest, hq } = office;
      // The county publishes 2026 with 国庆 (1–7 October off) and Saturday 10 October worked.
      const published = await adminPost(hq.url, '/calendars', {
        ...sampleCalendarYears[0],
        publishedBy: '县民政局',
      });
      expect(published.status).toBe(200);
      setDay(honest, '2026-03-02', '2026-09-28');
      expect((await sync(honest)).rejected).toBe(0);
      const calendar = await loadCalendar(honest.db);
      expect(calendar.extraWorkdays.has('2026-10-10')).toBe(true);

      let c = await newCase(honest, '2026-09-28');
      for (const action of [
        'submit',
        'accept',
        'start_investigation',
        'record_opinion',
        'start_notice',
      ] as const) {
        c = await step(honest, c.id, action);
      }
      // 7 working days after Monday 28 September: 29, 30 Sep, 8, 9, 10 (调休), 12, 13 Oct.
      expect(c).toMatchObject({ noticeEnd: '2026-10-13', decisionDue: '2026-11-13' });
      expect((await sync(honest)).rejected).toBe(0);
      expect((await hqCase(office, c.id)).data).toMatchObject({ noticeEnd: '2026-10-13' });

      // The last day of the 公示: the button is disabled, saying it opens on the 14th…
      setDay(honest, '2026-09-28', '2026-10-13');
      const settings = await loadSettings(honest.db);
      if (!settings) throw new Error('no settings');
      const panel = (today: string) =>
        describeActions(
          dibaoWorkflow,
          c.status,
          'supervisor',
          caseStepContext(c, { today, settings, calendar, confirmationDelegated: false }),
        ).find((o) => o.action === 'submit_to_county');
      expect(panel('2026-10-13')?.blockedBy).toMatchObject({
        code: 'workflow.notice_not_over',
        params: { noticeEnd: '2026-10-13', availableFrom: '2026-10-14' },
      });
      // …the desk refuses the step itself…
      await expect(step(honest, c.id, 'submit_to_county')).rejects.toMatchObject({
        fieldErrors: [expect.objectContaining({ code: 'workflow.notice_not_over' })],
      });
      // …and so does HQ, to a forged step of that day.
      const forge = new Forge(office, mode);
      await forge.start();
      const { version } = await hqCase(office, c.id);
      const transition = { action: 'submit_to_county', from: 'public_notice', to: 'county_review' };
      const lastDay = await forge.send(
        at(
          '2026-10-13T03:00:00.000Z',
          forge.step(c.id, version, transition, forgerActors.supervisor),
        ),
      );
      expect(reasonOf(lastDay[0])).toBe('workflow.notice_not_over');
      expect(lastDay[0]).toMatchObject({
        reason: { fieldErrors: [{ params: { availableFrom: '2026-10-14' } }] },
      });
      expect((await hqCase(office, c.id)).data.status).toBe('public_notice');

      // From the 14th the button is enabled, and the step applies at the desk and at HQ.
      expect(panel('2026-10-14')?.blockedBy).toBeNull();
      setDay(honest, '2026-10-13', '2026-10-14');
      c = await step(honest, c.id, 'submit_to_county');
      expect(c.status).toBe('county_review');
      expect((await sync(honest)).rejected).toBe(0);
      expect((await hqCase(office, c.id)).data).toMatchObject({
        status: 'county_review',
        noticeEnd: '2026-10-13',
        decisionDue: '2026-11-13',
      });
    });

    it('refuses a step dated before the application or an earlier step, desk and HQ alike', async () => {
      const office = await setUp(storage);
      const { honest } = office;
      setDay(honest, '2026-03-02', '2026-10-20');
      let c = await newCase(honest, '2026-10-20');
      expect((await sync(honest)).rejected).toBe(0);
      const forge = new Forge(office, mode);
      await forge.start();

      // Submitted "the day before" the application it submits.
      const early = await forge.send(
        at(
          '2026-10-19T03:00:00.000Z',
          forge.step(
            c.id,
            (await hqCase(office, c.id)).version,
            { action: 'submit', from: 'draft', to: 'submitted' },
            forgerActors.registrar,
          ),
        ),
      );
      expect(reasonOf(early[0])).toBe('workflow.step_before_application');
      expect((await hqCase(office, c.id)).data.status).toBe('draft');

      c = await step(honest, c.id, 'submit');
      honest.advanceDays(1);
      c = await step(honest, c.id, 'accept');
      expect(c.acceptedOn).toBe('2026-10-21');
      expect((await sync(honest)).rejected).toBe(0);

      // The desk whose clock went back a day refuses to investigate before 受理.
      honest.advanceDays(-1);
      await expect(step(honest, c.id, 'start_investigation')).rejects.toMatchObject({
        code: 'invalid_transition',
        fieldErrors: [
          expect.objectContaining({
            code: 'workflow.step_before_step',
            params: { date: '2026-10-21', day: '2026-10-20' },
          }),
        ],
      });
      // A forged investigation dated before 受理 is refused by HQ the same way.
      const beforeAccept = await forge.send(
        at(
          '2026-10-20T03:00:00.000Z',
          forge.step(
            c.id,
            (await hqCase(office, c.id)).version,
            { action: 'start_investigation', from: 'accepted', to: 'investigating' },
            forgerActors.registrar,
          ),
        ),
      );
      expect(reasonOf(beforeAccept[0])).toBe('workflow.step_before_step');
      expect((await hqCase(office, c.id)).data.status).toBe('accepted');
      honest.advanceDays(1);
      c = await step(honest, c.id, 'start_investigation');
      expect((await sync(honest)).rejected).toBe(0);
      expect((await hqCase(office, c.id)).data.status).toBe('investigating');
    });

    it('takes a correction with its reason before the 公示 only, and every desk sees the version', async () => {
      const office = await setUp(storage);
      const { honest, other } = office;
      const forge = new Forge(office, mode);
      await forge.start();
      // The investigating case (setUp) is still with the township: corrected with a reason.
      let c = await honest.db.cases.get(office.investigatingId);
      if (!c) throw new Error('no case');
      const facts = {
        householdId: c.householdId,
        applicantPersonId: c.applicantPersonId,
        applicantName: c.applicantName,
        category: c.category,
        areaCode: c.areaCode,
        coveredPersonIds: c.coveredPersonIds,
        income: { ...c.income, wagesFen: 40000 },
        deductionsFen: c.deductionsFen,
        assets: c.assets,
        applicationDate: c.applicationDate,
      };
      c = await updateDibaoCase(honest.db, honest.ctx, c.id, c.version, facts, '入户核实工资');
      expect((await sync(honest)).rejected).toBe(0);
      expect((await hqCase(office, c.id)).data).toMatchObject({ income: { wagesFen: 40000 } });
      await sync(other);
      const seen = await recordHistory(other.db, 'assistanceCase', c.id);
      expect(seen.at(-1)).toMatchObject({ reason: '入户核实工资', current: true });

      // Forged: the same kind of correction without a reason, and one during the 公示.
      const investigating = await hqCase(office, office.investigatingId);
      const noReason = await forge.send([
        forge.op({
          recordId: office.investigatingId,
          baseVersion: investigating.version,
          fields: { deductionsFen: 100 },
        }),
      ]);
      expect(reasonOf(noReason[0])).toBe('record.correction_reason_required');
      const notice = await hqCase(office, office.noticeId);
      const duringNotice = await forge.send([
        forge.op({
          recordId: office.noticeId,
          baseVersion: notice.version,
          fields: { deductionsFen: 100 },
          reason: '公示期间更正',
        }),
      ]);
      expect(reasonOf(duringNotice[0])).toBe('case.not_editable');
      expect((await hqCase(office, office.noticeId)).data.deductionsFen).toBe(0);
      expect((await hqCase(office, office.investigatingId)).data.deductionsFen).toBe(0);
      // The desk refuses the same correction during the 公示.
      const onDesk = await honest.db.cases.get(office.noticeId);
      if (!onDesk) throw new Error('no case');
      await expect(
        updateDibaoCase(
          honest.db,
          honest.ctx,
          onDesk.id,
          onDesk.version,
          { ...facts, householdId: onDesk.householdId, deductionsFen: 100 },
          '公示期间更正',
        ),
      ).rejects.toMatchObject({ fieldErrors: [{ code: 'case.not_editable' }] });
    });

    it('records two desks’ concurrent corrections of one figure as a conflict, as for any update', async () => {
      const office = await setUp(storage);
      const { honest, other, hq } = office;
      await sync(other);
      const correct = async (desk: SyncDesk, wagesFen: number, reason: string) => {
        const c = await desk.db.cases.get(office.investigatingId);
        if (!c) throw new Error('no case');
        const { id, version, householdId, applicantPersonId, applicantName, category } = c;
        return updateDibaoCase(
          desk.db,
          desk.ctx,
          id,
          version,
          {
            householdId,
            applicantPersonId,
            applicantName,
            category,
            areaCode: c.areaCode,
            coveredPersonIds: c.coveredPersonIds,
            income: { ...c.income, wagesFen },
            deductionsFen: c.deductionsFen,
            assets: c.assets,
            applicationDate: c.applicationDate,
          },
          reason,
        );
      };
      // Neither desk has seen the other's correction when it makes its own.
      await correct(honest, 41000, '单位证明');
      await correct(other, 42000, '村委会证明');
      expect((await sync(honest)).rejected).toBe(0);
      const second = await sync(other);
      expect(second.rejected).toBe(0);
      expect(second.conflicts).toBeGreaterThan(0);
      const records = await hqOfficeRecords(hq.hq, 'office-a');
      const conflicts = [...records.values()].filter(
        (r) => r.kind === 'syncConflict' && r.data.recordId === office.investigatingId,
      );
      expect(conflicts.map((r) => r.data.field)).toContain('income');
      await sync(honest);
      for (const [desk, own] of [
        [honest, '单位证明'],
        [other, '村委会证明'],
      ] as const) {
        expect(recordDifferences(records, await deskOfficeRecords(desk))).toEqual([]);
        // Each desk's own correction stays in its history with its reason.
        const history = await recordHistory(desk.db, 'assistanceCase', office.investigatingId);
        expect(history.map((v) => v.reason)).toContain(own);
      }
    });
  },
);
