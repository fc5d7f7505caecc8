import { z } from 'zod';
import { deskReportSchema, syncCursorSchema } from '../sync/protocol';

/**
 * What a sync package says about itself, readable before anything is applied (the
 * import preview shows it). It holds no resident's data: ids, counts, dates and the
 * name of the person who made it. Signed together with the encryption parameters.
 */
export const packageFormat = 'mzpkg';
export const packageFormatVersion = 1;
export const packageExtension = '.mzpkg';

const partySchema = z.discriminatedUnion('kind', [
  /** A desk: its office and device (the device's key signs what it sends). */
  z.object({ kind: z.literal('device'), officeId: z.string().min(1), deviceId: z.string().min(1) }),
  /** HQ, named by the id of its signing key (pinned at every desk at enrollment). */
  z.object({ kind: z.literal('hq'), keyId: z.string().min(1) }),
]);

const receiverSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hq'), keyId: z.string().min(1) }),
  /** Every enrolled desk of the office can open it (the key is wrapped for each). */
  z.object({ kind: z.literal('office'), officeId: z.string().min(1) }),
]);

/** A half-open range of sequence numbers: (after, upTo]. Empty when equal. */
const rangeSchema = z
  .object({ after: z.number().int().min(0), upTo: z.number().int().min(0) })
  .refine((r) => r.upTo >= r.after, { message: 'upTo before after' });
export type SeqRange = z.infer<typeof rangeSchema>;

export const manifestSchema = z.object({
  format: z.literal(packageFormat),
  version: z.literal(packageFormatVersion),
  packageId: z.string().min(1),
  /** The sender's own count of packages it made (per device; per office at HQ). */
  number: z.number().int().min(1),
  direction: z.enum(['toHq', 'toOffice']),
  sender: partySchema,
  receiver: receiverSchema,
  /**
   * toHq: the device's op sequence numbers carried. toOffice: HQ's change-log
   * positions carried, per stream.
   */
  covers: z.object({
    ops: rangeSchema.nullable(),
    office: rangeSchema.nullable(),
    reference: rangeSchema.nullable(),
  }),
  /**
   * toHq: HQ's changes the desk already holds (its pull cursor), so the return file
   * carries only what is new. toOffice: the ops whose results it carries.
   */
  acknowledges: z.object({
    cursor: syncCursorSchema.nullable(),
    device: z.string().nullable(),
    ops: z.number().int().min(0),
  }),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Earliest and latest change time inside (ISO), null when empty. */
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /**
   * toHq: the desk's report of itself (shared/sync/protocol.ts), for the county console
   * only. `queued` counts the ops the package does not carry (0: it carries the whole
   * queue). Absent from packages of older desks, which HQ opens as before; an HQ made
   * before it reads past it (the signature covers the manifest's bytes as written).
   */
  report: deskReportSchema.optional(),
  payload: z.object({
    compression: z.literal('gzip'),
    encryption: z.literal('AES-256-GCM'),
    /** Size and SHA-256 (hex) of the encrypted payload as stored in the file. */
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type PackageManifest = z.infer<typeof manifestSchema>;
export type PackageParty = z.infer<typeof partySchema>;

/** "民政同步包_<office>_上报_20261129-0830.mzpkg": office, direction and date at a glance. */
export function packageFileName(manifest: PackageManifest, officeId: string): string {
  const direction = manifest.direction === 'toHq' ? '上报' : '下发';
  const stamp = manifest.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `民政同步包_${officeId}_${direction}_${stamp}_${manifest.number}${packageExtension}`;
}
