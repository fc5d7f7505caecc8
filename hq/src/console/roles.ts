import { z } from 'zod';

/** The console's roles: 审核员 decides cases, 管理员 also manages accounts, 只读 only reads. */
export const consoleRoles = ['reviewer', 'admin', 'viewer'] as const;
export type ConsoleRole = (typeof consoleRoles)[number];
export const consoleRoleSchema = z.enum(consoleRoles);

/** What a role may do; every console route names the one it needs. */
export type ConsoleRight = 'read' | 'decide' | 'manageUsers' | 'manageOffices' | PublishRight;
/** Publishing reference data (standards, calendar, delegation, rules): administrators. */
type PublishRight = 'publish';

const rights: Record<ConsoleRole, readonly ConsoleRight[]> = {
  viewer: ['read'],
  reviewer: ['read', 'decide'],
  admin: ['read', 'decide', 'manageUsers', 'publish', 'manageOffices'],
};

export const roleMay = (role: ConsoleRole, right: ConsoleRight): boolean =>
  rights[role].includes(right);
