import { AppError } from '@shared/errors/appError';
import {
  defaultOfficeSettings,
  officeIdSchema,
  type OfficeSettings,
} from '@shared/domain/settings';
import { fieldErrorsFromZod, invalid } from '@shared/validation/fieldErrors';
import { newRecordId } from '@shared/records/ids';
import type { DeskDatabase } from '../database';
import { write } from '../writePath';
import { wrapForPassword } from '../atRest/passwordWraps';
import type { WriteContext } from '../writeContext';
import { seedSampleReferenceDataIn } from './reference';
import { createSettingsIn, type StoredOfficeSettings } from './settings';
import { createUserIn, prepareUser, type LocalUser, type NewUserInput } from './users';

export interface FirstRunInput {
  office: Pick<OfficeSettings, 'officeName' | 'areaCode'> & { officeId: string };
  /**
   * The first administrator; `casework` when this person also registers (a small office
   * where the administrator works the window too): chosen explicitly, off by default.
   */
  admin: Omit<NewUserInput, 'roles'> & { casework?: boolean };
}

/**
 * Sets up a new desk in ONE transaction: the first administrator (the actor of the
 * whole setup), the office settings and the sample reference data. A failure leaves
 * the desk exactly as new, so the first run can simply be tried again.
 */
export async function completeFirstRun(
  db: DeskDatabase,
  device: Pick<WriteContext, 'deviceId' | 'now'>,
  input: FirstRunInput,
): Promise<{ admin: LocalUser; settings: StoredOfficeSettings }> {
  const officeId = officeIdSchema.safeParse(input.office.officeId);
  if (!officeId.success)
    throw invalid(
      'office',
      fieldErrorsFromZod(officeId.error).map((e) => ({ ...e, path: 'officeId' })),
    );
  const { casework, ...admin } = input.admin;
  const adminData = await prepareUser({
    ...admin,
    roles: casework === true ? ['admin', 'registrar'] : ['admin'],
  });
  const adminId = newRecordId();
  const ctx: WriteContext = {
    ...device,
    officeId: officeId.data,
    actor: { userId: adminId, name: adminData.displayName, role: 'admin' },
  };
  const done = await write(db, ctx, async (w) => {
    if ((await db.users.count()) > 0) {
      throw new AppError({ code: 'forbidden', message: 'This desk is already set up.' });
    }
    const admin = await createUserIn(w, adminData, adminId);
    const { officeId: _officeId, ...office } = input.office;
    const settings = await createSettingsIn(w, { ...defaultOfficeSettings, ...office });
    await seedSampleReferenceDataIn(db, w, settings.areaCode);
    return { admin, settings };
  });
  // The store's key, wrapped for the administrator's password (how a browser reopens it).
  await wrapForPassword(db, done.admin.username, admin.password);
  return done;
}
