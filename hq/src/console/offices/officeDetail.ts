import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import type { HqTables } from '../../db/schema';
import { officePackages, type PackageLine } from './officePackages';
import { officeOverview, type OfficeView } from './officeOverview';
import { refusedOps, type RefusedOp } from './refusedOps';

export interface OfficeDetail {
  office: OfficeView;
  refusals: RefusedOp[];
  packages: PackageLine[];
  now: string;
}

/** One office's page: its desks, the ops HQ refused them and its packages. */
export async function officeDetail(
  db: Kysely<HqTables>,
  officeId: string,
  now: Date,
): Promise<OfficeDetail> {
  const office = (await officeOverview(db)).find((o) => o.id === officeId);
  if (!office) throw new AppError({ code: 'not_found', message: `No office ${officeId}.` });
  return {
    office,
    refusals: await refusedOps(db, officeId),
    packages: await officePackages(db, officeId),
    now: now.toISOString(),
  };
}
