import { bedStatusOn, permille } from './bedStatus';
import type { ElderlyCareSettings } from './config';
import {
  abilityLevels,
  dischargeReasons,
  fundingCategories,
  type AbilityLevel,
  type DischargeReason,
  type FundingCategory,
} from './enums';
import { bedInServiceOn, type BedData } from './institution';
import { levelOn, type AssessmentData, type ResidentData } from './resident';
import { stayStatusOn, type StayData } from './stay';

/**
 * Figures of 养老 as of a chosen day (end of day), from beds and stays only, so a day
 * before a movement and a day after it give different, true numbers:
 * occupancy rate = occupied beds / beds in service; nursing-bed share = nursing-type
 * beds / beds in service (target from settings); admissions and discharges counted
 * over a period (both ends included); residents in care by ability level and funding.
 */
export interface FiguresInput {
  beds: readonly (BedData & { id: string })[];
  stays: readonly StayData[];
  residents: ReadonlyMap<string, Pick<ResidentData, 'fundingCategory'>>;
  assessments: readonly (AssessmentData & { hlc: string })[];
  settings: ElderlyCareSettings;
}

export interface Period {
  from: string;
  to: string;
}

export interface ElderlyFigures {
  date: string;
  period: Period;
  /**
   * Beds in service by the status the board shows (bedStatusOn, the one function both
   * use): a bed under repair is counted as maintenance, never as vacant.
   */
  beds: {
    total: number;
    nursing: number;
    occupied: number;
    held: number;
    reserved: number;
    maintenance: number;
    vacant: number;
  };
  /** Beds counted as in use: occupied, plus held ones when the settings say so. */
  inUse: number;
  heldCountsAsOccupied: boolean;
  /** Per-mille (1000 = 100 %); null when there are no beds. */
  occupancyPermille: number | null;
  nursingSharePermille: number | null;
  nursingTargetPercent: number;
  nursingTargetMet: boolean;
  admissions: number;
  discharges: Record<DischargeReason, number> & { total: number };
  residents: {
    total: number;
    byLevel: Record<AbilityLevel | 'unassessed', number>;
    byFunding: Record<FundingCategory, number>;
  };
}

/** Map.groupBy, which the ES2022 library this code targets does not have. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function figuresAsOf(input: FiguresInput, date: string, period: Period): ElderlyFigures {
  const live = input.stays.filter((s) => s.state !== 'void');
  const staysByBed = groupBy(live, (s) => s.bedId);
  const beds = {
    total: 0,
    nursing: 0,
    occupied: 0,
    held: 0,
    reserved: 0,
    maintenance: 0,
    vacant: 0,
  };
  for (const bed of input.beds) {
    if (!bedInServiceOn(bed, date)) continue;
    beds.total += 1;
    if (bed.bedType === 'nursing') beds.nursing += 1;
    const status = bedStatusOn(bed, staysByBed.get(bed.id) ?? [], date);
    // In service that day, so never null or retired.
    if (status !== null && status !== 'retired') beds[status] += 1;
  }
  const inUse = beds.occupied + (input.settings.heldCountsAsOccupied ? beds.held : 0);
  const target = input.settings.nursingBedTargetPercent;

  const discharges = { ...zeroes(dischargeReasons), total: 0 };
  let admissions = 0;
  const inPeriod = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  for (const s of live) {
    if (s.openedBy !== 'change_bed' && inPeriod(s.admittedOn)) admissions += 1;
    if (s.endReason?.startsWith('discharge_') && inPeriod(s.endedOn)) {
      discharges[s.endReason.slice('discharge_'.length) as DischargeReason] += 1;
      discharges.total += 1;
    }
  }

  return {
    date,
    period,
    beds,
    inUse,
    heldCountsAsOccupied: input.settings.heldCountsAsOccupied,
    occupancyPermille: permille(inUse, beds.total),
    nursingSharePermille: permille(beds.nursing, beds.total),
    nursingTargetPercent: target,
    // Compared in integers: nursing / total >= target / 100.
    nursingTargetMet: beds.total > 0 && beds.nursing * 100 >= target * beds.total,
    admissions,
    discharges,
    residents: residentsInCare(input, live, date),
  };
}

/** Residents in bed or on leave at the end of `date`, by ability level and funding. */
function residentsInCare(input: FiguresInput, live: readonly StayData[], date: string) {
  const ids = new Set(
    live
      .filter((s) => {
        const status = stayStatusOn(s, date);
        return status === 'occupied' || status === 'held';
      })
      .map((s) => s.residentId),
  );
  const byLevel = zeroes([...abilityLevels, 'unassessed'] as const);
  const byFunding = zeroes(fundingCategories);
  const assessmentsOf = groupBy(input.assessments, (a) => a.residentId);
  for (const id of ids) {
    const level = levelOn(assessmentsOf.get(id) ?? [], date)?.level ?? 'unassessed';
    byLevel[level] += 1;
    const funding = input.residents.get(id)?.fundingCategory;
    if (funding) byFunding[funding] += 1;
  }
  return { total: ids.size, byLevel, byFunding };
}
