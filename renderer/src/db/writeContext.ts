import type { ActorRole } from '@shared/domain/roles';

/** Who is changing data, on which device, for which office. Every write names one. */
export interface Actor {
  userId: string;
  name: string;
  role: ActorRole;
}

export interface WriteContext {
  actor: Actor;
  officeId: string;
  deviceId: string;
  /** Injected so tests can pin time; the app passes () => new Date(). */
  now: () => Date;
}
