import type { Kysely } from 'kysely';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import {
  monthlyFigures,
  monthsEndingWith,
  paidByMonth,
  type FiguresInput,
} from '@shared/figures/monthlyFigures';
import type { PaymentRollData, RollUnpaidData } from '@shared/rolls/rollRecord';
import type { HqTables } from '../../db/schema';
import { liveRecords, officeNames } from '../queue/caseRows';

/** The figures' input from HQ's records of every office (live records only). */
export async function figuresInputAtHq(db: Kysely<HqTables>): Promise<{
  input: FiguresInput;
  offices: { id: string; name: string }[];
}> {
  const [names, cases, rolls, unpaid] = await Promise.all([
    officeNames(db),
    liveRecords<AssistanceCaseData>(db, 'assistanceCase'),
    liveRecords<PaymentRollData>(db, 'paymentRoll'),
    liveRecords<RollUnpaidData>(db, 'rollUnpaid'),
  ]);
  const offices = [...names]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  return { input: { offices: offices.map((o) => o.id), cases, rolls, unpaid }, offices };
}

/**
 * 统计: the county's figures for a month by programme and office (shared/figures, the
 * one computation), and the amounts paid per programme over the 12 months to it.
 */
export async function countyFigures(db: Kysely<HqTables>, month: string) {
  const { input, offices } = await figuresInputAtHq(db);
  const figures = monthlyFigures(input, month);
  return {
    ...figures,
    offices,
    series: paidByMonth(input, monthsEndingWith(month, 12)),
  };
}

export type CountyFigures = Awaited<ReturnType<typeof countyFigures>>;
