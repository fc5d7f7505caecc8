import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData, RuleBook } from '@shared/programmes/ruleBook';
import type { Transaction } from 'kysely';
import {
  buildCalendar,
  type CalendarYear,
  type WorkingCalendar,
} from '@shared/calendar/workingDays';
import type { DelegationData } from '@shared/domain/delegation';
import type { BenefitStandardData } from '@shared/domain/reference';
import { defaultOfficeSettings, type OfficeSettings } from '@shared/domain/settings';
import type { HqTables } from '../../db/schema';
import { loadRecordsOfKinds, referenceOwner } from '../../store/recordStore';
import type { RecordWork } from '../recordWork';

export type HqStandard = BenefitStandardData & { id: string };

export interface ReferenceFacts {
  standards: HqStandard[];
  calendar: WorkingCalendar;
  delegations: (DelegationData & { hlc: string })[];
  /** The programmes' numbers the county published (samples fill the rest). */
  rules: RuleBook;
}

/** The fixed id of each office's settings record (the desk's `officeSettingsId`). */
export const officeSettingsId = 'office-settings';

/**
 * What HQ judges a batch's ops by, read once per batch and only when an op needs it:
 * the county's standards, calendar and delegations (HQ's own reference data, never a
 * desk's copy), and the office's settings as HQ holds them.
 */
export class OfficeFacts {
  private reference: Promise<ReferenceFacts> | null = null;

  constructor(
    private readonly trx: Transaction<HqTables>,
    private readonly officeId: string,
  ) {}

  referenceFacts(): Promise<ReferenceFacts> {
    this.reference ??= loadReferenceFacts(this.trx);
    return this.reference;
  }

  /** The office's settings (the defaults where HQ has none yet). */
  async settings(work: RecordWork): Promise<OfficeSettings> {
    const record = await work.load(this.officeId, 'officeSettings', officeSettingsId);
    const data = record && !record.deleted ? (record.data as Partial<OfficeSettings>) : {};
    return { officeName: '', areaCode: '000000', ...defaultOfficeSettings, ...data };
  }
}

export async function loadReferenceFacts(trx: Transaction<HqTables>): Promise<ReferenceFacts> {
  const records = (
    await loadRecordsOfKinds(trx, referenceOwner, [
      'benefitStandard',
      'calendarYear',
      'delegation',
      'programmeRule',
    ])
  ).filter((r) => !r.deleted);
  const ofKind = (kind: string) => records.filter((r) => r.kind === kind);
  return {
    standards: ofKind('benefitStandard').map((r) => ({
      ...(r.data as BenefitStandardData),
      id: r.id,
    })),
    calendar: buildCalendar(ofKind('calendarYear').map((r) => r.data as unknown as CalendarYear)),
    delegations: ofKind('delegation').map((r) => ({ ...(r.data as DelegationData), hlc: r.hlc })),
    rules: programmeRuleBook(ofKind('programmeRule').map((r) => r.data as ProgrammeRuleData)),
  };
}
