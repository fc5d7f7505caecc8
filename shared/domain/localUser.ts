import { z } from 'zod';
import { localRoles } from './roles';

/**
 * A desk account. Accounts are device-local: the password hash never leaves the
 * machine and accounts are not synced (see docs/architecture.md).
 */
export const localUserDataSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/, 'user.username_chars'),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(localRoles),
  passwordHash: z.string().min(1),
  passwordSalt: z.string().min(1),
  passwordIterations: z.number().int().min(100_000),
  disabled: z.boolean(),
});

export type LocalUserData = z.infer<typeof localUserDataSchema>;
