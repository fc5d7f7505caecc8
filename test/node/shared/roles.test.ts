import { describe, expect, it } from 'vitest';
import { actingRoleFor, mayWrite, writersOf } from '@shared/authority/kindWriters';
import { heldRolesSchema } from '@shared/domain/heldRoles';
import { leadRole, rolesOfRecord, withRolesList } from '@shared/domain/roles';
import { staffMemberDataSchema } from '@shared/domain/staff';

/** The shared rules of issue #12's roles, as the desk's write path and HQ use them. */
describe('roles', () => {
  it('keeps casework to registrars and supervisors, accounts to administrators', () => {
    for (const kind of [
      'person',
      'household',
      'assistanceCase',
      'caseEvent',
      'elderlyMovement',
      'communityService',
    ]) {
      expect(mayWrite('admin', kind), kind).toBe(false);
      expect(mayWrite('registrar', kind), kind).toBe(true);
      expect(mayWrite('supervisor', kind), kind).toBe(true);
    }
    expect(writersOf('staffMember')).toEqual(['admin']);
    expect(writersOf('officeSettings')).toEqual(['supervisor', 'admin']);
    expect(mayWrite('admin', 'syncConflict')).toBe(true);
    expect(mayWrite('county', 'person')).toBe(false);
  });

  it('acts in the held role that may write a kind, keeping the acting one when it may', () => {
    expect(actingRoleFor('registrar', ['admin', 'registrar'], 'person')).toBe('registrar');
    expect(actingRoleFor('registrar', ['admin', 'registrar'], 'staffMember')).toBe('admin');
    expect(actingRoleFor('supervisor', ['admin', 'supervisor'], 'officeSettings')).toBe(
      'supervisor',
    );
    expect(actingRoleFor('admin', ['admin'], 'person')).toBeNull();
    expect(leadRole(['admin', 'registrar'])).toBe('registrar');
    expect(leadRole(['registrar', 'supervisor'])).toBe('supervisor');
    expect(leadRole(['admin'])).toBe('admin');
  });

  it('holds at least one role, each once, and only desk roles', () => {
    expect(heldRolesSchema.safeParse(['admin', 'registrar']).success).toBe(true);
    expect(heldRolesSchema.safeParse([]).success).toBe(false);
    expect(heldRolesSchema.safeParse(['admin', 'admin']).success).toBe(false);
    expect(heldRolesSchema.safeParse(['county']).success).toBe(false);
  });

  it('reads an old single-role record as a list of one, a list winning over an old role', () => {
    expect(rolesOfRecord({ role: 'registrar' })).toEqual(['registrar']);
    expect(rolesOfRecord({ role: 'admin', roles: ['admin', 'registrar'] })).toEqual([
      'admin',
      'registrar',
    ]);
    expect(rolesOfRecord({ role: 'county' })).toEqual([]);
    expect(withRolesList({ username: 'a', role: 'admin' })).toEqual({
      username: 'a',
      roles: ['admin'],
    });
    const old = {
      username: 'wang',
      displayName: '王',
      role: 'registrar',
      disabled: false,
      deviceId: 'd',
    };
    expect(staffMemberDataSchema.parse(old)).toEqual({
      username: 'wang',
      displayName: '王',
      roles: ['registrar'],
      disabled: false,
      deviceId: 'd',
    });
    expect(staffMemberDataSchema.safeParse({ ...old, role: 'county' }).success).toBe(false);
  });
});
