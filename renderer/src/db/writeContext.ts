import type { ActorRole, LocalRole } from '@shared/domain/roles';

/** Who is changing data, on which device, for which office. Every write names one. */
export interface Actor {
  userId: string;
  name: string;
  /** The role the account acts in (a workflow step is checked against it). */
  role: ActorRole;
  /**
   * Every role the account holds, `role` among them; absent means only `role`. The
   * write path names, on each queued change, the held role that may write its kind.
   */
  roles?: readonly LocalRole[];
}

export interface WriteContext {
  actor: Actor;
  officeId: string;
  deviceId: string;
  /** Injected so tests can pin time; the app passes () => new Date(). */
  now: () => Date;
}

/** The roles an actor holds: its `roles`, or only the one it acts in. */
export function heldRolesOf(actor: Actor): readonly ActorRole[] {
  return actor.roles && actor.roles.length > 0 ? actor.roles : [actor.role];
}
