import { chainKeyPattern } from '../accessChain/patterns';
import { z } from 'zod';
import { queueEntrySchema } from './queueEntry';

/**
 * The HQ sync protocol: request and response bodies, validated with these schemas on
 * both ends. docs/sync.md explains each word; the HTTP routes are in hq/src/http/server.ts.
 */

/**
 * Largest push batch HQ accepts; the desk sends at most this many ops at once, and
 * fewer when their JSON would pass its byte budget (shared/sync/engine.ts).
 */
export const maxPushOps = 5000;
/**
 * Largest pull page HQ returns, and the desk's page. Each page costs a round trip, a
 * change-log read and a desk transaction; at 5,000 an initial pull of a whole office
 * pays those as rarely as a plain bulk download would (a page is a few MB; the desk
 * holds one at a time).
 */
export const maxPullLimit = 5000;

/**
 * Where a desk is in HQ's change log. HQ numbers changes per stream: the office's own
 * records, and the reference data shared by all offices (standards, calendars).
 */
export const syncCursorSchema = z.object({
  office: z.number().int().min(0),
  reference: z.number().int().min(0),
});
export type SyncCursor = z.infer<typeof syncCursorSchema>;
export const initialCursor: SyncCursor = { office: 0, reference: 0 };

/** A request nonce (pull and push): fresh random, base64 of 16 bytes from current desks. */
const requestNonceSchema = z.string().min(16).max(64);

export const pushRequestSchema = z.object({
  ops: z.array(queueEntrySchema).min(1).max(maxPushOps),
  /**
   * A fresh random value per request, bound into HQ's signature of the answer with the
   * device and the op ids sent (shared/sync/hqSignature.ts): an answer recorded earlier,
   * for another desk or another batch never answers this request. Absent only from desks
   * made before push answers were signed.
   */
  nonce: requestNonceSchema.optional(),
  /**
   * The desk's access-chain key, with every push from desks that have one: HQ keeps the
   * first it is given for the device and checks each access-log entry's seal with it.
   */
  accessChainKey: z.string().regex(chainKeyPattern).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

const appErrorDataSchema = z.object({
  code: z.string(),
  message: z.string(),
  fieldErrors: z
    .array(
      z.object({
        path: z.string(),
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional(),
});

/**
 * What HQ did with one op. 'applied' and 'conflict' both mean HQ holds the op (a
 * conflict was recorded for people to resolve); 'rejected' means it can never apply
 * (reason given) and must not block the queue; 'deferred' means HQ did not look at it
 * (an earlier op of the batch is missing) and the desk sends it again later.
 */
export const opResultSchema = z.discriminatedUnion('status', [
  z.object({
    opId: z.string(),
    seq: z.number(),
    status: z.literal('applied'),
    serverSeq: z.number(),
  }),
  z.object({
    opId: z.string(),
    seq: z.number(),
    status: z.literal('conflict'),
    serverSeq: z.number(),
    conflictIds: z.array(z.string()),
  }),
  z.object({
    opId: z.string(),
    seq: z.number(),
    status: z.literal('rejected'),
    reason: appErrorDataSchema,
  }),
  z.object({ opId: z.string(), seq: z.number(), status: z.literal('deferred') }),
]);
export type OpResult = z.infer<typeof opResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(opResultSchema),
  /** HQ's clock (ISO), so the desk can warn about a device clock that is off. */
  hqTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Largest count a desk may report of itself (far above any real desk's backlog). */
export const maxReportedCount = 10_000_000;

/**
 * What a desk says of itself with a pull (docs/sync.md, "The desk's report"): changes
 * queued and not yet sent, and conflicts waiting for a person. HQ keeps the latest for
 * the county console to show and uses it for nothing else: a desk could say anything.
 * A count out of range refuses the request (never clamped); keys a later desk may add
 * are dropped, as everywhere in the protocol. Absent from older desks. A desk's package
 * carries one in its manifest too.
 */
export const deskReportSchema = z.object({
  queued: z.number().int().min(0).max(maxReportedCount),
  conflicts: z.number().int().min(0).max(maxReportedCount),
  /**
   * The desk's access chain (shared/accessChain/seal.ts): its key — in a package's
   * manifest, where no push carries it — and the number of its last entry. A head behind
   * what HQ holds is reported as a cut chain; the key is kept only if HQ has none.
   */
  accessChainKey: z.string().regex(chainKeyPattern).optional(),
  accessChainSeq: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type DeskReport = z.infer<typeof deskReportSchema>;

export const pullRequestSchema = z.object({
  /** Where to read from: the changes after it. */
  cursor: syncCursorSchema,
  limit: z.number().int().min(1).max(maxPullLimit),
  /**
   * What the desk has applied, when that is behind `cursor`: the desk asks for the next
   * page while it still applies the one before, so the read position is not yet what it
   * holds. HQ records this one (export-for packages start at the lowest of an office's
   * desks). Absent: `cursor` is both.
   */
  held: syncCursorSchema.optional(),
  /**
   * A fresh random value per request, bound into HQ's signature of the page
   * (shared/sync/hqSignature.ts): a page recorded earlier never answers this request.
   * Absent only from desks made before pages were signed.
   */
  nonce: requestNonceSchema.optional(),
  /** The desk's own report of its queue and open conflicts (display only). */
  report: deskReportSchema.optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** One change from HQ: the record as HQ now holds it (meta fields included). */
export const serverChangeSchema = z.object({
  stream: z.enum(['office', 'reference']),
  seq: z.number().int().min(1),
  kind: z.string().min(1),
  /**
   * Checked as a plain object only: JSON keys are strings anyway, and checking every key
   * of thousands of records per page (z.record) was a fifth of a pull's time.
   */
  record: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'Expected an object' },
  ),
  /** Why this version replaced the previous one, when a correction said so. */
  reason: z.string().optional(),
  /**
   * The desk op whose handling at HQ wrote this change. A desk that still has that op
   * queued (its answer has not come back yet, e.g. it travels in another package) knows
   * from this that HQ's record already includes it, and stops laying it over HQ's state.
   */
  opId: z.string().optional(),
});
export type ServerChange = z.infer<typeof serverChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(serverChangeSchema),
  cursor: syncCursorSchema,
  hasMore: z.boolean(),
  hqTime: z.string(),
  /**
   * The last op seq HQ holds of the asking device (docs/backup.md): a desk restored from
   * a backup moves its new ops past it. Absent from HQs made before backups.
   */
  deviceSeq: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A party's public package keys (shared/package/keys.ts), SPKI in base64. */
export const publicKeysSchema = z.object({
  signing: z.string().min(1).max(400),
  encryption: z.string().min(1).max(400),
});

export type PublicKeys = z.infer<typeof publicKeysSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().trim().min(6).max(64),
  /**
   * The desk's own device id (made at its first start): changes queued before
   * enrollment already carry it, so HQ registers the device under that id.
   */
  deviceId: z.string().trim().min(8).max(64),
  officeId: z.string().trim().min(1).max(40),
  deviceName: z.string().trim().min(1).max(80),
  /**
   * The device's public package keys (SPKI, base64): HQ checks packages the desk signs
   * and encrypts return packages for it. Null only from desks made before sync
   * packages; such a desk can sync online but not by file.
   */
  publicKeys: publicKeysSchema.nullish(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  /** Secret credential: kept by the main process (OS key storage), sent as a bearer token. */
  token: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  hqTime: z.string(),
  /** HQ's public package keys: the desk pins them and trusts no other HQ key. */
  hqKeys: publicKeysSchema,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  storage: z.enum(['sqlite', 'postgres']),
  schemaVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
