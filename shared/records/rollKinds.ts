import { derivePayeeAccount, payeeAccountDataSchema } from '../rolls/payeeAccount';
import {
  paymentRollDataSchema,
  paymentRollIssues,
  rollUnpaidDataSchema,
} from '../rolls/rollRecord';
import { defineKind, derivesNothing, noDomainIssues } from './defineKind';

/**
 * Record kinds of 资金发放 (issue #13 part 6), spread into kindDefinitions (kinds.ts):
 * - payeeAccount: a person's bank account; corrected, never overwritten;
 * - paymentRoll: a programme's roll for a month (draft → checked → approved, then
 *   locked: the desk and HQ refuse any change to an approved roll);
 * - rollUnpaid: a line the bank reported unpaid, carried into the next roll; append-only.
 */
export const rollKinds = {
  payeeAccount: defineKind({
    schema: payeeAccountDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: derivePayeeAccount,
    domainIssues: noDomainIssues,
  }),
  paymentRoll: defineKind({
    schema: paymentRollDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: paymentRollIssues,
  }),
  rollUnpaid: defineKind({
    schema: rollUnpaidDataSchema,
    scope: 'office',
    appendOnly: true,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
};
