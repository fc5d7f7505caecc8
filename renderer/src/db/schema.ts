import type { Transaction } from 'dexie';
import { authoritySchemaVersion } from './tables/authorityTables';
import { communitySchemaVersion } from './tables/communityTables';
import { elderlyCareSchemaVersion } from './tables/elderlyCareTables';
import { idTailSchemaVersion } from './tables/idTailTables';
import { packageSchemaVersion } from './tables/packageTables';
import { refusedChangeSchemaVersion } from './tables/refusedChangeTables';
import { rolesSchemaVersion } from './tables/rolesTables';
import { programmeSchemaVersion } from './tables/programmeTables';
import { rollSchemaVersion } from './tables/rollTables';
import { modifyBare } from './tables/bareUpgrade';
import { medicalSchemaVersion } from './tables/medicalTables';
import { dynamicsSchemaVersion } from './tables/dynamicsTables';
import { gridSchemaVersion } from './tables/gridTables';
import { atRestSchemaVersion } from './tables/atRestTables';
import { nameHeadSchemaVersion } from './tables/nameHeadTables';
import { idPrefixSchemaVersion } from './tables/idPrefixTables';
import { personOrderSchemaVersion } from './tables/personOrderTables';
import { householdOrderSchemaVersion } from './tables/householdOrderTables';
import { caseOrderSchemaVersion } from './tables/caseOrderTables';
import { filterOrderSchemaVersion } from './tables/filterOrderTables';

/**
 * Every schema version the desk has shipped, oldest first. A version is never edited
 * once released: a change is a new entry with its own upgrade, and a migration test
 * (test/node/db/migrations.test.ts) opens the previous version, writes data, upgrades
 * and compares.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      persons: 'id, idNumber, householdId, *searchTokens, updatedAt',
      households: 'id, headPersonId, *searchTokens, updatedAt',
      cases: 'id, householdId, status, *coveredPersonIds, *searchTokens, updatedAt',
      caseEvents: 'id, caseId',
      benefitStandards: 'id, [areaCode+category]',
      calendarYears: 'id, year',
      users: 'id, &username',
      queue: 'seq, &opId, recordId',
      meta: 'key',
    },
  },
  {
    // v2: form drafts survive closing the app, and the case list can find overdue
    // cases by index instead of scanning every case.
    version: 2,
    stores: {
      drafts: 'key, updatedAt',
      cases: 'id, householdId, status, *coveredPersonIds, *searchTokens, updatedAt, decisionDue',
    },
    // (Below the at-rest middleware: tables/bareUpgrade.ts.)
    upgrade: (tx) =>
      modifyBare(tx, 'cases', (c) =>
        c.decisionDue === undefined ? { ...c, decisionDue: null } : undefined,
      ),
  },
];

/**
 * Versions 4, 5 and 6 belong to elderly care, community services and sync packages; 7 to
 * the HQ changes the desk refused; 8 to HQ's authority (accounts as records, delegation);
 * 9 to the ID-tail search; 10 to accounts holding several roles; 11 to the programme
 * engine.
 */
schemaVersions.push(
  {
    // v3: corrections keep the superseded version of kinds that are never overwritten;
    // overdue cases are found per pending status by due date, not by scanning old ones;
    // office settings become a record written through the write path; views of
    // sensitive fields are logged; sync keeps conflicts and refused ops for people.
    version: 3,
    stores: {
      revisions: 'id, [kind+recordId]',
      settings: 'id',
      accessLog: 'id, subjectId',
      syncConflicts: 'id, status, recordId',
      rejectedOps: 'opId',
      cases:
        'id, householdId, status, *coveredPersonIds, *searchTokens, updatedAt, decisionDue, [status+decisionDue]',
    },
  },
  elderlyCareSchemaVersion,
  communitySchemaVersion,
  packageSchemaVersion,
  refusedChangeSchemaVersion,
  authoritySchemaVersion,
  idTailSchemaVersion,
  rolesSchemaVersion,
  programmeSchemaVersion,
  rollSchemaVersion,
  medicalSchemaVersion,
  dynamicsSchemaVersion,
  gridSchemaVersion,
  atRestSchemaVersion,
  nameHeadSchemaVersion,
  idPrefixSchemaVersion,
  personOrderSchemaVersion,
  householdOrderSchemaVersion,
  caseOrderSchemaVersion,
  filterOrderSchemaVersion,
);

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]?.version ?? 1;
