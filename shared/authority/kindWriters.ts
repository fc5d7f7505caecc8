/**
 * Which desk roles may write each office kind: checked by the desk's write path and
 * again at HQ for every pushed op (a desk's own check is not a permission HQ trusts).
 * Workflow steps have their own roles in the state machine; this is the coarse rule
 * beneath them: accounts are the administrator's, settings the supervisor's and the
 * administrator's.
 */
import type { LocalRole } from '../domain/roles';

const anyone: readonly LocalRole[] = ['registrar', 'supervisor', 'admin'];
// The administrator still registers at the window where the office has no one else:
// keeping casework from it waits for accounts that hold two roles (issue #12). Workflow
// steps are the state machine's, which gives the administrator none.
const casework: readonly LocalRole[] = anyone;

const special: Record<string, readonly LocalRole[]> = {
  officeSettings: ['supervisor', 'admin'],
  staffMember: ['admin'],
  // A person resolving a conflict or a logged look at sensitive data: any account.
  syncConflict: anyone,
  accessLog: anyone,
};

/** Roles that may write an office-scope kind (casework roles unless named above). */
export function writersOf(kind: string): readonly LocalRole[] {
  return Object.hasOwn(special, kind) ? (special[kind] ?? casework) : casework;
}

export function mayWrite(role: string, kind: string): boolean {
  return (writersOf(kind) as readonly string[]).includes(role);
}
