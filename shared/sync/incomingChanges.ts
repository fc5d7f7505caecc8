import { z } from 'zod';
import { AppError } from '../errors/appError';
import { recordMetaSchema, referenceOwner } from '../records/envelope';
import { kindDefinitions, type SyncScope } from '../records/kinds';
import type { ServerChange } from './protocol';

/**
 * What a desk may take from HQ. A pull page or a return package is applied only when
 * every change in it passes: the kind is one this desk has and HQ may send (`office`
 * or `reference` scope; `local` kinds such as accounts are made on the desk only), the
 * record has its envelope and its kind's fields, and it belongs where its kind says
 * (an office record to this desk's office, reference data to the county). One change
 * that does not pass refuses the whole page: half a page applied would leave the
 * cursor meaning nothing. Pure, so the pull path and the package import share it.
 */

export type ChangeRefusalCode =
  /** A kind this desk does not have (HQ is newer, or the change is made up). */
  | 'sync.change.unknown_kind'
  /** A kind that never leaves a device: accounts, derived stays. */
  | 'sync.change.local_kind'
  /** The envelope or the kind's fields fail the schema; `field` names the first. */
  | 'sync.change.invalid_record'
  /** An office record of another office. */
  | 'sync.change.wrong_office'
  /** Reference data (standards, calendars) that names an office instead of the county. */
  | 'sync.change.reference_owner';

export interface ChangeRefusal {
  /** Where the change is in the page or package. */
  index: number;
  code: ChangeRefusalCode;
  /** For the wording: `kind`; `field` (invalid_record); `office`, the one claimed. */
  params: Record<string, string>;
}

/**
 * HQ's answer to a create it refused (hq/src/sync/commitChange.ts resendAfterRefusal):
 * version 0, deleted, carrying the desk's own refused fields. The desk only drops its
 * copy, so only the envelope is checked: those fields may be the very reason HQ refused.
 */
const absentAtHqSchema = recordMetaSchema.extend({
  version: z.literal(0),
  deleted: z.literal(true),
});

interface IncomingKind {
  scope: SyncScope;
  schema: z.ZodType;
}

/** Built from the kinds table once, so a kind added there is checked by its own rules. */
const incomingKinds = new Map<string, IncomingKind>(
  Object.entries(kindDefinitions).map(([kind, definition]) => [
    kind,
    { scope: definition.scope, schema: definition.schema as z.ZodType },
  ]),
);

/**
 * Why each change the desk may not apply is refused, in page order; empty when the
 * whole page may apply. `officeId` is the desk's own office.
 *
 * Cost: each record is parsed by two zod object schemas (the envelope's, then its
 * kind's), a few microseconds a record; nothing else is copied or walked.
 */
export function checkIncomingChanges(
  changes: readonly ServerChange[],
  desk: { officeId: string },
): ChangeRefusal[] {
  const refusals: ChangeRefusal[] = [];
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (!change) continue;
    const refusal = refusalOf(change, desk.officeId);
    if (refusal) refusals.push({ index, ...refusal });
  }
  return refusals;
}

function refusalOf(change: ServerChange, officeId: string): Omit<ChangeRefusal, 'index'> | null {
  const { kind, record } = change;
  const rules = incomingKinds.get(kind);
  if (!rules) return { code: 'sync.change.unknown_kind', params: { kind: shown(kind) } };
  if (rules.scope === 'local') return { code: 'sync.change.local_kind', params: { kind } };

  const absent = record.version === 0 && record.deleted === true;
  const envelope = (absent ? absentAtHqSchema : recordMetaSchema).safeParse(record);
  if (!envelope.success) return invalid(kind, envelope.error);

  const owner = record.officeId as string;
  if (rules.scope === 'office' && owner !== officeId) {
    return { code: 'sync.change.wrong_office', params: { kind, office: shown(owner) } };
  }
  if (rules.scope === 'reference' && owner !== referenceOwner) {
    return { code: 'sync.change.reference_owner', params: { kind, office: shown(owner) } };
  }
  if (absent) return null;
  const data = rules.schema.safeParse(record);
  return data.success ? null : invalid(kind, data.error);
}

/** A value HQ made up, short enough to show in a table cell. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

function invalid(kind: string, error: z.ZodError): Omit<ChangeRefusal, 'index'> {
  const path = error.issues[0]?.path.map(String).join('.') ?? '';
  return { code: 'sync.change.invalid_record', params: { kind, field: path } };
}

/** The field code of a round or page that failed because HQ sent what the desk refuses. */
export const pageRefusedCode = 'sync.page_refused';

/**
 * The error a refused page fails with: the sync round stops there (the cursor stays
 * before the page, so the page is asked for again next round and nothing after it is
 * skipped), and the status bar says why.
 */
export function pageRefusedError(
  changes: readonly ServerChange[],
  refusals: readonly ChangeRefusal[],
): AppError {
  const first = refusals[0];
  const change = first ? changes[first.index] : undefined;
  const where = change ? `${change.stream} #${change.seq} (${change.kind})` : 'none';
  return new AppError({
    code: 'forbidden',
    message:
      `HQ sent ${refusals.length} change(s) this desk may not apply, first ${where}: ` +
      `${first?.code ?? 'none'}. Nothing of the page was applied.`,
    fieldErrors: [{ path: 'changes', code: pageRefusedCode, params: { count: refusals.length } }],
    details: { refusal: pageRefusedCode, count: refusals.length, first: first?.code ?? null },
  });
}

/** Whether an error is a refused page (pageRefusedError). */
export function isPageRefused(error: unknown): boolean {
  return error instanceof AppError && error.details.refusal === pageRefusedCode;
}
