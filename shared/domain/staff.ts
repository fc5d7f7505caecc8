import { z } from 'zod';
import { displayNameSchema, usernameSchema } from './localUser';
import { localRoles } from './roles';

/**
 * A desk account as the office and HQ know it: who may act and in which role. The
 * desk-local `localUser` record with the password hash stays on its device; this record
 * (same id) is an office record synced to HQ, so HQ can check that an op's actor is an
 * active user of the office holding the role the step needs. No hash, no key, ever.
 */
export const staffMemberDataSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: z.enum(localRoles),
  disabled: z.boolean(),
  /** The desk the account lives on (accounts are device-local). */
  deviceId: z.string().min(1).max(80),
});

export type StaffMemberData = z.infer<typeof staffMemberDataSchema>;
