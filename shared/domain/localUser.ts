import { z } from 'zod';
import { heldRolesSchema } from './heldRoles';

/**
 * A desk account. Accounts are device-local: the password hash never leaves the
 * machine and accounts are not synced (see docs/architecture.md).
 */
/** A login name: what the desk's accounts and their office records share. */
export const usernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'user.username_chars');
export const displayNameSchema = z.string().trim().min(1).max(50);

export const localUserDataSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  /** Chosen explicitly when the account is made (Dexie v10 turned old `role`s into lists). */
  roles: heldRolesSchema,
  passwordHash: z.string().min(1),
  passwordSalt: z.string().min(1),
  passwordIterations: z.number().int().min(100_000),
  disabled: z.boolean(),
  /** Set when an administrator reset the password: the next login must choose a new one. */
  mustChangePassword: z.boolean().optional(),
});

export type LocalUserData = z.infer<typeof localUserDataSchema>;
