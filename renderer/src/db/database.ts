import Dexie, { type Table, type Transaction } from 'dexie';
import type { AppErrorData } from '@shared/errors/appError';
import type { AccessLogData } from '@shared/domain/accessLog';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { CaseEventData } from '@shared/domain/caseEvent';
import type { HouseholdData } from '@shared/domain/household';
import type { DelegationData } from '@shared/domain/delegation';
import type { LocalUserData } from '@shared/domain/localUser';
import type { StaffMemberData } from '@shared/domain/staff';
import type { PersonData } from '@shared/domain/person';
import type { OfficeSettings } from '@shared/domain/settings';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import type { BenefitStandardData, CalendarYearData } from '@shared/domain/reference';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { StoredRecord } from '@shared/records/envelope';
import type { RecordKind } from '@shared/records/kinds';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { atRestMiddleware } from './atRest/middleware';
import { derivedFieldsMiddleware } from './atRest/derivedIndexFields';
import { bulkChangesMiddleware } from './bulkChanges';
import {
  idPrefixIndexVersion,
  newStoreKeys,
  openWithSource,
  type StoreKeys,
} from './atRest/storeKeys';
import { latestSchemaVersion, schemaVersions } from './schema';
import { atRestSchemaVersion } from './tables/atRestTables';
import { sealedRowBeforeEncryption, sealingRowInUpgrade } from './atRest/atRestRow';
import { authorityTables } from './tables/authorityTables';
import { communityTables } from './tables/communityTables';
import { dynamicsTables } from './tables/dynamicsTables';
import { medicalTables } from './tables/medicalTables';
import { elderlyCareTables } from './tables/elderlyCareTables';
import { rollTables } from './tables/rollTables';
import { defaultDatabaseName } from './databaseName';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A superseded version of a record that is corrected, never overwritten. */
export interface RevisionRow {
  /** `revisionId()`: one row per superseded state, whatever its version number. */
  id: string;
  kind: string;
  recordId: string;
  version: number;
  record: unknown;
  /** Why the next version replaced this one. */
  reason: string;
  supersededAt: string;
  supersededBy: string;
}

/**
 * A superseded version's row id: kind, record, version and the version's own clock
 * stamp. Version numbers alone are not unique on a desk: a pull lays HQ's version number
 * under still-queued local changes, and the next local change then supersedes a number
 * the desk kept before; keyed by number alone, that would overwrite the older version.
 * The same state reached twice (its own change coming back) keeps one row.
 */
export function revisionId(
  kind: string,
  recordId: string,
  superseded: { version?: number; hlc?: string },
): string {
  return `${kind}:${recordId}:${superseded.version ?? 0}:${superseded.hlc ?? ''}`;
}

/**
 * A queue entry as the desk stores it. `heldAtHq` is set when a change HQ wrote for this
 * op has arrived before HQ's answer to it (by a package, or another desk's return file):
 * the op stays queued until its answer comes, but no longer overlays HQ's record.
 */
export type QueuedOp = QueueEntry & { heldAtHq?: true };

/** An op HQ refused for good: out of the queue (it must not block), kept to be shown. */
export interface RejectedOpRow {
  opId: string;
  entry: QueueEntry;
  reason: AppErrorData;
  rejectedAt: string;
}

export interface DraftRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

export { defaultDatabaseName };

export class DeskDatabase extends Dexie {
  persons!: Table<StoredRecord<PersonData>, string>;
  households!: Table<StoredRecord<HouseholdData>, string>;
  cases!: Table<StoredRecord<AssistanceCaseData>, string>;
  caseEvents!: Table<StoredRecord<CaseEventData>, string>;
  benefitStandards!: Table<StoredRecord<BenefitStandardData>, string>;
  programmeRules!: Table<StoredRecord<ProgrammeRuleData>, string>;
  calendarYears!: Table<StoredRecord<CalendarYearData>, string>;
  users!: Table<StoredRecord<LocalUserData>, string>;
  staff!: Table<StoredRecord<StaffMemberData>, string>;
  delegations!: Table<StoredRecord<DelegationData>, string>;
  settings!: Table<StoredRecord<OfficeSettings>, string>;
  accessLog!: Table<StoredRecord<AccessLogData>, string>;
  syncConflicts!: Table<StoredRecord<SyncConflictData>, string>;
  rejectedOps!: Table<RejectedOpRow, string>;
  queue!: Table<QueuedOp, number>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  revisions!: Table<RevisionRow, string>;
  /** The data key the at-rest middleware seals and opens rows with (atRest/). */
  readonly atRest: StoreKeys;

  /**
   * `upToVersion` exists for migration tests, which open an older schema on purpose;
   * `plain` for the bench's raw baselines (the same tables with no at-rest sealing).
   */
  constructor(
    name: string = defaultDatabaseName,
    upToVersion: number = latestSchemaVersion,
    options: { plain?: boolean } = {},
  ) {
    super(name);
    this.atRest = newStoreKeys(name);
    let askedBeforeEncryption = false;
    for (const v of schemaVersions) {
      if (v.version > upToVersion) break;
      const declared = this.version(v.version).stores(v.stores);
      // A store upgraded past encryption in this open, with the key already loaded
      // (Electron): the row saying a first sealing is under way is written in the
      // upgrade's own transaction, so a cut after the upgrade commits finds it. Asked at
      // the first upgrade this open runs, ahead of its writes: not for a store that already
      // holds a sealed row (rebuilt at an old version around the desk's rows).
      const upgrade =
        v.version <= atRestSchemaVersion.version
          ? (trans: Transaction) => {
              if (!askedBeforeEncryption) {
                askedBeforeEncryption = true;
                sealedRowBeforeEncryption(trans.idbtrans, (found) => {
                  const keys = this.atRest.keys;
                  if (!found && keys) {
                    sealingRowInUpgrade(trans.idbtrans, keys, name, idPrefixIndexVersion);
                  }
                });
              }
              return v.upgrade?.(trans);
            }
          : v.upgrade;
      if (upgrade) declared.upgrade(upgrade);
    }
    // A store at a schema from before encryption (only migration tests open one) is
    // plain, as such a desk was; from schema 16 on every personal row is sealed.
    this.atRest.sealing = options.plain !== true && upToVersion >= atRestSchemaVersion.version;
    if (this.atRest.sealing) this.use(atRestMiddleware(this.atRest));
    this.use(derivedFieldsMiddleware());
    this.use(bulkChangesMiddleware());
    // Before the first query runs: the source's key checked, an unsealed store sealed.
    this.on('ready', (vipDb: Dexie) => openWithSource(vipDb, this.atRest));
  }
}

/** The table holding each record kind. */
export const tableOfKind = {
  ...elderlyCareTables,
  ...authorityTables,
  ...communityTables,
  ...dynamicsTables,
  ...rollTables,
  ...medicalTables,
  person: 'persons',
  household: 'households',
  assistanceCase: 'cases',
  caseEvent: 'caseEvents',
  benefitStandard: 'benefitStandards',
  programmeRule: 'programmeRules',
  calendarYear: 'calendarYears',
  localUser: 'users',
  officeSettings: 'settings',
  accessLog: 'accessLog',
  syncConflict: 'syncConflicts',
} as const satisfies Record<RecordKind, string>;

export function recordTable(
  db: DeskDatabase,
  kind: RecordKind,
): Table<StoredRecord<unknown>, string> {
  return db.table(tableOfKind[kind]);
}

export const recordTableNames = Object.values(tableOfKind);
