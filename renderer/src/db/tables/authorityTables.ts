import type { SchemaVersion } from '../schema';

/**
 * Schema version 8: what HQ's authority needs at the desk. `staff` holds the office's
 * accounts as synced records (no password hash: that stays in `users`), so HQ can check
 * every op's actor; `delegations` holds the county's delegation of confirmation,
 * reference data set at HQ only. Never edited once shipped.
 */
export const authoritySchemaVersion: SchemaVersion = {
  version: 8,
  stores: { staff: 'id', delegations: 'id, officeId' },
};

export const authorityTables = {
  staffMember: 'staff',
  delegation: 'delegations',
} as const;
