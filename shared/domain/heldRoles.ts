import { z } from 'zod';
import { localRoles } from './roles';

/**
 * The roles of an account: at least one, each once. Apart from roles.ts, which the login
 * screen's path reads (a login's lead role) and which is kept free of zod for that.
 */
export const heldRolesSchema = z
  .array(z.enum(localRoles))
  .min(1)
  .max(localRoles.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'user.roles_repeated' });
