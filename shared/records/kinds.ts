import type { z } from 'zod';
import { accessLogDataSchema } from '../domain/accessLog';
import { syncConflictDataSchema } from '../domain/syncConflict';
import { assistanceCaseDataSchema } from '../domain/assistanceCase';
import { programmeCaseIssues } from '../programmes/caseChecks';
import { ruleRecordIssues } from '../programmes/registry';
import { programmeRuleDataSchema } from '../programmes/ruleBook';
import { caseEventDataSchema } from '../domain/caseEvent';
import { householdDataSchema, householdDomainIssues } from '../domain/household';
import { delegationDataSchema } from '../domain/delegation';
import { localUserDataSchema } from '../domain/localUser';
import { officeSettingsSchema } from '../domain/settings';
import {
  normalizeIdNumber,
  personDataSchema,
  personDomainIssues,
  withIdFacts,
} from '../domain/person';
import { benefitStandardDataSchema, calendarYearDataSchema } from '../domain/reference';
import { staffMemberDataSchema } from '../domain/staff';
import { idTailTokens } from '../search/idTails';
import { nameSearchTokens } from '../search/searchTokens';

import { communityKinds } from './communityKinds';
import { dynamicsKinds } from './dynamicsKinds';
import { defineKind, derivesNothing, noDomainIssues } from './defineKind';
import { elderlyCareKinds } from './elderlyCareKinds';
import { rollKinds } from './rollKinds';
import { medicalKinds } from './medicalKinds';

import type { KindDefinition } from './defineKind';
import { calendarYearIssues } from '../calendar/calendarYearIssues';

export type { KindDefinition, SyncScope } from './defineKind';

export const kindDefinitions = {
  ...elderlyCareKinds,
  ...communityKinds,
  ...dynamicsKinds,
  ...rollKinds,
  ...medicalKinds,
  person: defineKind({
    schema: personDataSchema,
    scope: 'office',
    appendOnly: false,
    // Corrected, never overwritten: every change names its reason and keeps the old version.
    keepsRevisions: true,
    derive: (p) => ({
      // The ID's birth date and sex replace typed ones (resident IDs only), so HQ
      // stores what the number says whatever a desk sent.
      ...withIdFacts(p),
      // One spelling per ID so the duplicate check and ID search see the same key.
      idNumber: normalizeIdNumber(p.idType, p.idNumber),
      searchTokens: nameSearchTokens(p.name),
      idTails: idTailTokens(p.idNumber),
    }),
    domainIssues: personDomainIssues,
  }),
  household: defineKind({
    schema: householdDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: (h) => ({ ...h, searchTokens: nameSearchTokens(h.headName) }),
    domainIssues: householdDomainIssues,
  }),
  assistanceCase: defineKind({
    schema: assistanceCaseDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: (c) => ({ ...c, searchTokens: nameSearchTokens(c.applicantName) }),
    domainIssues: programmeCaseIssues,
  }),
  caseEvent: defineKind({
    schema: caseEventDataSchema,
    scope: 'office',
    appendOnly: true,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  benefitStandard: defineKind({
    schema: benefitStandardDataSchema,
    scope: 'reference',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  // A programme's number for a period (shared/programmes/ruleBook.ts): HQ publishes.
  programmeRule: defineKind({
    schema: programmeRuleDataSchema,
    scope: 'reference',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: (rule) => ruleRecordIssues(rule),
  }),
  calendarYear: defineKind({
    schema: calendarYearDataSchema,
    scope: 'reference',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: (year) => calendarYearIssues(year),
  }),
  // The county's delegation of 审核确认 to an office, from a date: set at HQ only.
  delegation: defineKind({
    schema: delegationDataSchema,
    scope: 'reference',
    appendOnly: true,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  // Who may act in the office and in which role (no password hash): HQ checks each op's
  // actor against it. The account with its hash is the desk-local `localUser`.
  staffMember: defineKind({
    schema: staffMemberDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  // The office's configuration: a record like any other so every change has an actor,
  // a version and a queue entry (the county sees who changed delegation or rules).
  officeSettings: defineKind({
    schema: officeSettingsSchema,
    fixedId: true,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  syncConflict: defineKind({
    schema: syncConflictDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  accessLog: defineKind({
    schema: accessLogDataSchema,
    scope: 'office',
    appendOnly: true,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  localUser: defineKind({
    schema: localUserDataSchema,
    scope: 'local',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
};

export type RecordKind = keyof typeof kindDefinitions;
export const recordKinds = Object.keys(kindDefinitions) as RecordKind[];

/** What a caller hands the write path: the schema's input (defaults may be omitted). */
export type KindInput = {
  [K in RecordKind]: Omit<z.input<(typeof kindDefinitions)[K]['schema']>, 'searchTokens'>;
};

export type KindData = {
  [K in RecordKind]: (typeof kindDefinitions)[K] extends KindDefinition<infer T> ? T : never;
};
