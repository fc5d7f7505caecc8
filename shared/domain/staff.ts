import { z } from 'zod';
import { displayNameSchema, usernameSchema } from './localUser';
import { heldRolesSchema } from './heldRoles';
import { withRolesList } from './roles';

/**
 * A desk account as the office and HQ know it: who may act and in which role. The
 * desk-local `localUser` record with the password hash stays on its device; this record
 * (same id) is an office record synced to HQ, so HQ can check that an op's actor is an
 * active user of the office holding the role the step needs. No hash, no key, ever.
 */
const staffMemberFields = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  /** Every role the account holds; an op names the one it acted in. */
  roles: heldRolesSchema,
  disabled: z.boolean(),
  /** The desk the account lives on (accounts are device-local). */
  deviceId: z.string().min(1).max(80),
  /**
   * When an administrator last reset the account's password (the hash stays on the desk;
   * this says that it happened, and the op says who did it).
   */
  passwordResetAt: z.iso.datetime().optional(),
});

/**
 * Records made before an account could hold two roles carry a single `role`: HQ and
 * desks hold such records and desks not yet upgraded still send them, so the schema
 * reads `role` as `roles: [role]` (and stores the new shape from then on).
 */
export const staffMemberDataSchema = z.preprocess(
  (data: z.input<typeof staffMemberFields>) => withRolesList(data),
  staffMemberFields,
);

export type StaffMemberData = z.infer<typeof staffMemberDataSchema>;
