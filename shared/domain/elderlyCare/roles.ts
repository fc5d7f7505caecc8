import { AppError } from '../../errors/appError';
import type { ActorRole } from '../roles';

/**
 * Who may do what in 养老. Registrars and supervisors keep the beds and record the
 * stays and visits at the window; undoing a recorded event is a correction of the
 * record, so only a supervisor may reverse one, or change the targets. 'admin' manages accounts only, as in
 * the 低保 workflow.
 */
export type ElderlyCareAction = 'setup' | 'record' | 'reverse' | 'configure';

const allowed: Record<ElderlyCareAction, readonly ActorRole[]> = {
  setup: ['registrar', 'supervisor'],
  record: ['registrar', 'supervisor'],
  reverse: ['supervisor'],
  configure: ['supervisor'],
};

export function mayDo(role: ActorRole, action: ElderlyCareAction): boolean {
  return allowed[action].includes(role);
}

export function requireElderlyRole(role: ActorRole, action: ElderlyCareAction): void {
  if (!mayDo(role, action)) {
    throw new AppError({
      code: 'forbidden',
      message: `Role ${role} may not ${action} in elderly care.`,
      details: { role, action },
    });
  }
}
