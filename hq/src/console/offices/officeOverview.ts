import type { Kysely } from 'kysely';
import type { ChainBreakKind } from '@shared/accessChain/seal';
import type { AccessChainView } from '@shared/accessChain/view';
import type { HqTables } from '../../db/schema';
import { refusedCounts } from './refusedOps';

/** One desk as the county sees it (docs/console.md, "Offices"). */
export interface DeskView {
  id: string;
  name: string;
  enrolledAt: string;
  revoked: boolean;
  /** When HQ last heard from the desk, and how (null: not since HQ kept it). */
  lastContactAt: string | null;
  lastContactVia: 'push' | 'pull' | 'package' | null;
  /** What the desk last said of itself (display only: a desk could say anything). */
  reportedAt: string | null;
  reportedQueued: number | null;
  reportedConflicts: number | null;
  /** The last package HQ imported from this desk, and the last HQ wrote for it. */
  lastPackageIn: string | null;
  lastPackageOut: string | null;
  /** The desk's access chain: HQ's head of it and the breaks HQ found (issue #16). */
  accessChain: AccessChainView;
}

export interface OfficeView {
  id: string;
  name: string;
  createdAt: string;
  desks: DeskView[];
  /** Ops of the office's desks HQ refused (applied_ops results 'rejected'). */
  refused: number;
}

/**
 * Every office with its desks: enrollment, last contact, the desks' own reports and
 * their last packages in and out, how many of their ops HQ refused, and the breaks in
 * their access chains. Five queries
 * whatever the number of offices.
 */
export async function officeOverview(db: Kysely<HqTables>): Promise<OfficeView[]> {
  const [offices, devices, packages, refused, breaks] = await Promise.all([
    db.selectFrom('offices').select(['id', 'name', 'created_at']).orderBy('id').execute(),
    db
      .selectFrom('devices')
      .select([
        'id',
        'office_id',
        'name',
        'enrolled_at',
        'revoked',
        'last_contact_at',
        'last_contact_via',
        'reported_at',
        'reported_queued',
        'reported_conflicts',
        'chain_seq',
      ])
      .orderBy('enrolled_at')
      .execute(),
    db
      .selectFrom('packages')
      .select(['office_id', 'device_id', 'direction', (eb) => eb.fn.max('at').as('last')])
      .groupBy(['office_id', 'device_id', 'direction'])
      .execute(),
    refusedCounts(db),
    db.selectFrom('access_chain_breaks').selectAll().orderBy('found_at', 'desc').execute(),
  ]);
  const lastPackage = (direction: 'in' | 'out', officeId: string, deviceId: string | null) =>
    packages.find(
      (p) => p.direction === direction && p.office_id === officeId && p.device_id === deviceId,
    )?.last ?? null;
  return offices.map((office) => ({
    id: office.id,
    name: office.name,
    createdAt: office.created_at,
    refused: refused.get(office.id) ?? 0,
    desks: devices
      .filter((d) => d.office_id === office.id)
      .map((d) => ({
        id: d.id,
        name: d.name,
        enrolledAt: d.enrolled_at,
        revoked: Boolean(d.revoked),
        lastContactAt: d.last_contact_at,
        lastContactVia: d.last_contact_via,
        reportedAt: d.reported_at,
        reportedQueued: d.reported_queued === null ? null : Number(d.reported_queued),
        reportedConflicts: d.reported_conflicts === null ? null : Number(d.reported_conflicts),
        lastPackageIn: lastPackage('in', office.id, d.id),
        // A return file for this desk, or an export for the whole office, whichever is later.
        lastPackageOut: later(
          lastPackage('out', office.id, d.id),
          lastPackage('out', office.id, null),
        ),
        accessChain: {
          seq: d.chain_seq === null ? null : Number(d.chain_seq),
          breaks: breaks
            .filter((b) => b.device_id === d.id)
            .map((b) => ({
              kind: b.kind as ChainBreakKind,
              seq: Number(b.seq),
              missing:
                b.missing_from === null || b.missing_to === null
                  ? null
                  : { from: Number(b.missing_from), to: Number(b.missing_to) },
              foundAt: b.found_at,
            })),
        },
      })),
  }));
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
