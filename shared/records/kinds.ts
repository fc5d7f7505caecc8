import type { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { assistanceCaseDataSchema, caseDomainIssues } from '../domain/assistanceCase';
import { caseEventDataSchema } from '../domain/caseEvent';
import { householdDataSchema, householdDomainIssues } from '../domain/household';
import { localUserDataSchema } from '../domain/localUser';
import { personDataSchema, personDomainIssues } from '../domain/person';
import { benefitStandardDataSchema, calendarYearDataSchema } from '../domain/reference';
import { nameSearchTokens } from '../search/searchTokens';

/**
 * Where a kind's changes go:
 * - 'office': the office's own records; every change is queued for HQ.
 * - 'reference': published by HQ and pulled; local edits (sample values) are not pushed.
 * - 'local': never leaves the device (accounts with password hashes).
 */
export type SyncScope = 'office' | 'reference' | 'local';

export interface KindDefinition<T> {
  schema: z.ZodType<T, unknown>;
  scope: SyncScope;
  /** Append-only kinds refuse updates and deletes (history is never rewritten). */
  appendOnly: boolean;
  /** Fills fields computed from others (search tokens) before validation. */
  derive: (data: T) => T;
  /** Rules beyond the schema that need only the record itself and today's date. */
  domainIssues: (data: T, today: string) => FieldError[];
}

const none = (): FieldError[] => [];
const same = <T>(data: T): T => data;

/** Keeps each schema's own type (for KindInput) while checking the definition's shape. */
function define<S extends z.ZodType<T, unknown>, T = z.output<S>>(
  definition: KindDefinition<T> & { schema: S },
): KindDefinition<T> & { schema: S } {
  return definition;
}

export const kindDefinitions = {
  person: define({
    schema: personDataSchema,
    scope: 'office',
    appendOnly: false,
    derive: (p) => ({
      ...p,
      // One spelling per ID so the duplicate check and ID search see the same key.
      idNumber: p.idType === 'resident' ? p.idNumber.toUpperCase() : p.idNumber,
      searchTokens: nameSearchTokens(p.name),
    }),
    domainIssues: personDomainIssues,
  }),
  household: define({
    schema: householdDataSchema,
    scope: 'office',
    appendOnly: false,
    derive: (h) => ({ ...h, searchTokens: nameSearchTokens(h.headName) }),
    domainIssues: householdDomainIssues,
  }),
  assistanceCase: define({
    schema: assistanceCaseDataSchema,
    scope: 'office',
    appendOnly: false,
    derive: (c) => ({ ...c, searchTokens: nameSearchTokens(c.applicantName) }),
    domainIssues: caseDomainIssues,
  }),
  caseEvent: define({
    schema: caseEventDataSchema,
    scope: 'office',
    appendOnly: true,
    derive: same,
    domainIssues: none,
  }),
  benefitStandard: define({
    schema: benefitStandardDataSchema,
    scope: 'reference',
    appendOnly: false,
    derive: same,
    domainIssues: none,
  }),
  calendarYear: define({
    schema: calendarYearDataSchema,
    scope: 'reference',
    appendOnly: false,
    derive: same,
    domainIssues: none,
  }),
  localUser: define({
    schema: localUserDataSchema,
    scope: 'local',
    appendOnly: false,
    derive: same,
    domainIssues: none,
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
