import type { Transaction } from 'kysely';
import type { QueueEntry } from '@shared/sync/queueEntry';
import type { HqTables } from '../../db/schema';
import type { AuthenticatedDevice } from '../../store/offices';
import type { RecordWork } from '../recordWork';
import type { OfficeFacts } from './officeFacts';

/** A workflow step HQ accepted: the history event its transaction may carry. */
export interface AcceptedStep {
  caseId: string;
  action: string;
  from: string;
  to: string;
  actorId: string;
  actorRole: string;
  opinion: string;
  reason: string;
}

/** What the checks of one batch share (one device, one office, one transaction). */
export interface AuthorityContext {
  trx: Transaction<HqTables>;
  device: AuthenticatedDevice;
  officeId: string;
  work: RecordWork;
  facts: OfficeFacts;
  now: Date;
  /** The batch in device-seq order: a step's opinion is in its transaction's event. */
  ops: readonly QueueEntry[];
  /** The batch's case events by local transaction (filled at the first step). */
  eventsByTx: Map<string, QueueEntry[]>;
  /** Steps accepted in this batch, by the local transaction that made them. */
  acceptedSteps: Map<string, AcceptedStep[]>;
  /** Devices whose first administrator was accepted in this batch. */
  bootstrapped: Set<string>;
}
