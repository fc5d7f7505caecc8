import { describe, expect, it } from 'vitest';
import { loadFigures } from '../../../renderer/src/db/repositories/elderlyCare/figures';
import { retireBed } from '../../../renderer/src/db/repositories/elderlyCare/beds';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import {
  addAssessment,
  updateResident,
} from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { saveElderlyCareSettings } from '../../../renderer/src/db/repositories/elderlyCare/settings';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

const february = { from: '2026-02-01', to: '2026-02-28' };

/**
 * 张大爷: admitted to bed A 02-01, on leave 02-10, back 02-15, moved to bed B 02-17.
 * 李大爷 (特困): admitted to bed C 02-05, died 02-20. Bed D retired from 02-25.
 */
async function february2026() {
  const desk = await openTestDesk();
  const { db, ctx, as } = desk;
  const home = await smallHome(db, ctx);
  const { a, b, c, d } = home.beds;
  const zhang = await newResident(db, ctx, '张大爷');
  const li = await newResident(db, ctx, '李大爷');
  await updateResident(db, ctx, li, { fundingCategory: 'tekun' }, '核实为特困人员');
  const move = (
    residentId: string,
    rest: Omit<Parameters<typeof recordMovement>[2], 'residentId'>,
  ) => recordMovement(db, ctx, { residentId, ...rest });
  await move(zhang.id, { type: 'admit', bedId: a.id, date: '2026-02-01' });
  const assess = (level: 'moderate' | 'severe', date: string) =>
    addAssessment(db, ctx, {
      residentId: zhang.id,
      date,
      assessor: '王医生',
      level,
      reason: 'condition_change',
    });
  await assess('moderate', '2026-02-01');
  await move(li.id, { type: 'admit', bedId: c.id, date: '2026-02-05' });
  await move(zhang.id, { type: 'leave', date: '2026-02-10' });
  await assess('severe', '2026-02-14');
  await move(zhang.id, { type: 'return', date: '2026-02-15' });
  await move(zhang.id, { type: 'change_bed', bedId: b.id, date: '2026-02-17' });
  await move(li.id, { type: 'discharge', dischargeReason: 'death', date: '2026-02-20' });
  await retireBed(db, ctx, d, '2026-02-25', '房间改为活动室');
  return { ...desk, db, ctx, as, home };
}

describe('figures as of a date', () => {
  it('gives the occupancy rate before, on and after each movement', async () => {
    const { db, home } = await february2026();
    const rate = async (date: string) =>
      (await loadFigures(db, home.institution.id, date, february)).occupancyPermille;

    expect(await rate('2026-01-31')).toBe(0); // before anyone came
    expect(await rate('2026-02-01')).toBe(250); // 张 in A: 1 of 4
    expect(await rate('2026-02-05')).toBe(500); // 李 in C
    expect(await rate('2026-02-12')).toBe(500); // 张 on leave: his bed is held, still in use
    expect(await rate('2026-02-17')).toBe(500); // 张 moved A → B: still one bed
    expect(await rate('2026-02-20')).toBe(250); // 李 died: C is free
    expect(await rate('2026-02-25')).toBe(333); // D retired: 1 of 3
  });

  it('counts a held bed as free when the office says so', async () => {
    const { db, as, home } = await february2026();
    await saveElderlyCareSettings(db, as('supervisor'), {
      nursingBedTargetPercent: 55,
      heldCountsAsOccupied: false,
    });
    const figures = await loadFigures(db, home.institution.id, '2026-02-12', february);
    expect(figures.beds).toMatchObject({ total: 4, occupied: 1, held: 1 });
    expect(figures.occupancyPermille).toBe(250);
  });

  it('gives the nursing-bed share against the configured target, before and after a bed retires', async () => {
    const { db, as, home } = await february2026();
    const before = await loadFigures(db, home.institution.id, '2026-02-24', february);
    expect(before).toMatchObject({
      beds: { total: 4, nursing: 2 },
      nursingSharePermille: 500,
      nursingTargetPercent: 55,
      nursingTargetMet: false,
    });
    const after = await loadFigures(db, home.institution.id, '2026-02-25', february);
    expect(after).toMatchObject({
      beds: { total: 3, nursing: 2 },
      nursingSharePermille: 667,
      nursingTargetMet: true,
    });

    await saveElderlyCareSettings(db, as('supervisor'), {
      nursingBedTargetPercent: 70,
      heldCountsAsOccupied: true,
    });
    const stricter = await loadFigures(db, home.institution.id, '2026-02-25', february);
    expect(stricter).toMatchObject({ nursingTargetPercent: 70, nursingTargetMet: false });
  });

  it('counts admissions and discharges in a period, not bed changes', async () => {
    const { db, home } = await february2026();
    const feb = await loadFigures(db, home.institution.id, '2026-02-28', february);
    expect(feb.admissions).toBe(2);
    expect(feb.discharges).toEqual({ normal: 0, death: 1, transfer: 0, total: 1 });

    const late = await loadFigures(db, home.institution.id, '2026-02-28', {
      from: '2026-02-06',
      to: '2026-02-19',
    });
    expect(late.admissions).toBe(0);
    expect(late.discharges.total).toBe(0);
  });

  it('counts residents in care by ability level and funding on the day', async () => {
    const { db, home } = await february2026();
    const mid = await loadFigures(db, home.institution.id, '2026-02-12', february);
    expect(mid.residents.total).toBe(2);
    expect(mid.residents.byLevel).toMatchObject({ moderate: 1, unassessed: 1, severe: 0 });
    expect(mid.residents.byFunding).toEqual({ tekun: 1, dibao: 0, self_paying: 1 });

    const late = await loadFigures(db, home.institution.id, '2026-02-21', february);
    expect(late.residents.total).toBe(1);
    expect(late.residents.byLevel).toMatchObject({ moderate: 0, severe: 1, unassessed: 0 });
  });

  it('adds up the whole office when no institution is chosen', async () => {
    const { db } = await february2026();
    const all = await loadFigures(db, null, '2026-02-05', february);
    expect(all.beds.total).toBe(4);
    expect(all.occupancyPermille).toBe(500);
  });
});
