import { withRolesList } from '@shared/domain/roles';
import type { SchemaVersion } from '../schema';
import { modifyBare } from './bareUpgrade';

/**
 * Schema version 10: an account holds a list of roles (`roles`), no longer one `role`
 * (issue #12: the administrator manages accounts; casework is the registrars' and
 * supervisors', and one person may hold both, chosen explicitly). Each stored account
 * and office account record gets `roles: [role]`: what it could do, it still can — an
 * administrator who did casework keeps only the administrator's role, and an
 * administrator gives it the registrar's role as well if the office wants. No store
 * changes, and nothing is queued: HQ reads an old record's `role` the same way.
 * Never edited once shipped.
 */
export const rolesSchemaVersion: SchemaVersion = {
  version: 10,
  stores: {},
  // Below the at-rest middleware (bareUpgrade.ts): it runs before the data key is loaded.
  upgrade: async (tx) => {
    for (const table of ['users', 'staff']) {
      await modifyBare(tx, table, (record) =>
        'role' in record ? (withRolesList(record) as Record<string, unknown>) : undefined,
      );
    }
  },
};
