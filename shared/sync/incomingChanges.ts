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

/**
 * Records a schema must have checked before it is compiled: z.compile costs a few
 * milliseconds a schema, and tens for the first while zod's compiler warms up (up to
 * 100 ms in all), and saves about 3 µs a record. A quick bench's whole office (8,500
 * records) pulled slower with it; an office of hundreds of thousands pulls faster.
 */
export const compileAfter = 10_000;

/**
 * One schema's yes/no check. Once it has seen `compileAfter` records it uses zod's
 * ahead-of-time compiled validator (z.compile, then validate: no parsed copy is built,
 * about a tenth of safeParse's time a record), where the runtime may generate code:
 * Node, the bench. Under a CSP that forbids it (the desk's renderer) zod says so and the
 * schema checks as it is. Either way the answer is the schema's own; reasons come from
 * safeParse, and only for a record that fails.
 */
class Checker {
  private seen = 0;
  private compiled: z.ZodType | null = null;

  constructor(readonly schema: z.ZodType) {}

  passes(value: unknown): boolean {
    if (this.compiled) return this.compiled.validate(value);
    this.seen += 1;
    if (this.seen >= compileAfter && z.util.allowsEval.value) {
      this.compiled = z.compile(this.schema);
    }
    return this.schema.validate(value);
  }
}

interface IncomingKind {
  scope: SyncScope;
  /** Null for local kinds: refused whatever they hold. */
  check: Checker | null;
}

/** Built from the kinds table, so a kind added there is checked by its own scope and schema. */
const incomingKinds = new Map<string, IncomingKind>(
  Object.entries(kindDefinitions).map(([kind, definition]) => [
    kind,
    {
      scope: definition.scope,
      check: definition.scope === 'local' ? null : new Checker(definition.schema),
    },
  ]),
);
const envelopeCheck = new Checker(recordMetaSchema);
const absentAtHqCheck = new Checker(absentAtHqSchema);

/**
 * Why each change the desk may not apply is refused, in page order; empty when the
 * whole page may apply. `officeId` is the desk's own office.
 *
 * Cost: each record goes through two zod validators (the envelope's, then its kind's),
 * a few microseconds a record, under one once compiled (Checker); nothing is copied. A
 * page of thousands is a hot path (npm run bench: apply and pull).
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
  if (!rules.check) return { code: 'sync.change.local_kind', params: { kind } };

  const absent = record.version === 0 && record.deleted === true;
  const envelope = absent ? absentAtHqCheck : envelopeCheck;
  if (!envelope.passes(record)) return invalid(kind, envelope, record);

  const owner = record.officeId as string;
  if (rules.scope === 'office' && owner !== officeId) {
    return { code: 'sync.change.wrong_office', params: { kind, office: shown(owner) } };
  }
  if (rules.scope === 'reference' && owner !== referenceOwner) {
    return { code: 'sync.change.reference_owner', params: { kind, office: shown(owner) } };
  }
  if (absent || rules.check.passes(record)) return null;
  return invalid(kind, rules.check, record);
}

/** A value HQ made up, short enough to show in a table cell. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** The refusal of a record its schema does not pass, naming the first field it fails. */
function invalid(kind: string, check: Checker, record: unknown): Omit<ChangeRefusal, 'index'> {
  const issue = check.schema.safeParse(record).error?.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
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
