import { mayDo, type ElderlyCareAction } from '@shared/domain/elderlyCare/roles';
import { useActingRole } from '../../state/session';

/**
 * Whether the logged-in user may take an action, to show only the buttons that will
 * work. The repositories check again: a hidden button is not a permission.
 */
export function useElderlyRole() {
  const role = useActingRole();
  return (action: ElderlyCareAction) => (role ? mayDo(role, action) : false);
}
