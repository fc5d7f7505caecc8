import { AppError } from '@shared/errors/appError';
import type { DibaoAction } from '@shared/programmes/dibao/workflow';
import { write } from '../../renderer/src/db/writePath';
import { applyForDibao, createPersons, registerFamily, step, stepsFrom } from './officeWork';
import type { Random } from './seededRandom';
import type { SyncDesk } from './syncDesks';

/**
 * Random registrar work for the convergence test and the chaos runs, through officeWork
 * and the desk's write path: creates, edits (persons are corrected, never deleted), workflow steps, and designed same-field edits on two
 * desks of one office. Records are picked in a stable order (creation time, author,
 * ID number), so the same seed makes the same choices.
 */

/** Steps a desk can take without waiting for dates. */
const undatedSteps = new Set<DibaoAction>([
  'submit',
  'return_for_materials',
  'accept',
  'start_investigation',
  'record_opinion',
  'start_notice',
  'reinvestigate',
  'withdraw',
]);
export const editableFields = {
  person: ['phone', 'currentAddress', 'illnessNote'],
  household: ['address', 'villageName'],
} as const;
export type EditableKind = keyof typeof editableFields;

export interface SameFieldEdit {
  officeId: string;
  kind: EditableKind;
  recordId: string;
  field: string;
  values: [string, string];
}

interface Sortable {
  id: string;
  createdAt: string;
  createdBy: string;
  deleted: boolean;
  idNumber?: string;
}

function stable<T extends Sortable>(rows: T[]): T[] {
  const key = (r: T) => `${r.createdAt}|${r.createdBy}|${r.idNumber ?? ''}`;
  return rows.filter((r) => !r.deleted).sort((a, b) => key(a).localeCompare(key(b)));
}

export class RandomOffice {
  private counter = 0;
  localWrites = 0;
  localRefusals = 0;

  constructor(
    readonly officeId: string,
    readonly random: Random,
    readonly desks: SyncDesk[],
    private readonly log: (line: string) => void,
  ) {}

  /** A new value for a field, unique in the run; a phone is a valid mobile. */
  private value(desk: SyncDesk, field: string) {
    this.counter += 1;
    if (field === 'phone') return `139${String(this.counter).padStart(8, '0')}`;
    return `${desk.name}-${this.counter}`;
  }

  /** A refusal by the desk's own rules is normal work; anything else fails the run. */
  private async attempt(desk: SyncDesk, what: string, work: () => Promise<unknown>) {
    try {
      await work();
      this.localWrites += 1;
      this.log(`${desk.name} ${what}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.localRefusals += 1;
      this.log(`${desk.name} ${what}: refused locally (${error.code})`);
    }
  }

  async randomWork(desk: SyncDesk): Promise<void> {
    const r = this.random;
    const persons = stable(await desk.db.persons.toArray());
    const households = stable(await desk.db.households.toArray());
    const cases = stable(await desk.db.cases.toArray());
    const choice = r.pick([
      'person',
      'family',
      'editPerson',
      'editPerson',
      'editHousehold',
      'openCase',
      'step',
      'step',
      'step',
    ] as const);
    switch (choice) {
      case 'person':
        return this.attempt(desk, 'creates a person', () => createPersons(desk, 1));
      case 'family':
        return this.attempt(desk, 'registers a family', () => registerFamily(desk));
      case 'editPerson':
      case 'editHousehold': {
        const kind = choice === 'editPerson' ? 'person' : 'household';
        const record = r.pick<Sortable & { version: number }>(
          kind === 'person' ? persons : households,
        );
        const field = r.pick<string>(editableFields[kind]) ?? 'address';
        if (!record) return;
        const value = this.value(desk, field);
        return this.attempt(desk, `edits ${kind} ${record.id}.${field}=${value}`, () =>
          write(desk.db, desk.ctx, (w) =>
            w.update(kind, record.id, record.version, { [field]: value }, { reason: '随机更正' }),
          ),
        );
      }
      case 'openCase': {
        const household = r.pick(households);
        if (!household) return;
        return this.attempt(desk, `opens a case for household ${household.id}`, () =>
          applyForDibao(desk, {
            householdId: household.id,
            headPersonId: household.headPersonId,
            headName: household.headName,
            memberIds: household.members.map((m) => m.personId),
          }),
        );
      }
      case 'step': {
        const c = r.pick(cases.filter((x) => stepsFrom(x.status).some((s) => undatedSteps.has(s))));
        if (!c) return;
        const steps = stepsFrom(c.status).filter((s) => undatedSteps.has(s));
        const forward = steps.filter((s) => s !== 'withdraw');
        const action = r.pick(forward.length > 0 && r.chance(0.85) ? forward : steps);
        if (!action) return;
        return this.attempt(desk, `steps case ${c.id} ${c.status} → ${action}`, () =>
          step(desk, c.id, action),
        );
      }
      default:
        return;
    }
  }

  /**
   * Two desks of the office change the same field of a record both hold at the same
   * version with nothing queued for it: a concurrent edit HQ must record as a conflict.
   */
  async sameFieldEdit(): Promise<SameFieldEdit | null> {
    const [one, two] = this.random.shuffle(this.desks) as [SyncDesk, SyncDesk];
    const kind = this.random.pick(['person', 'household'] as const) ?? 'person';
    const table = kind === 'person' ? 'persons' : 'households';
    const queued = new Set([
      ...(await one.db.queue.toArray()).map((e) => e.recordId),
      ...(await two.db.queue.toArray()).map((e) => e.recordId),
    ]);
    const candidates: Sortable[] = [];
    for (const record of stable<Sortable & { version: number }>(await one.db[table].toArray())) {
      const other = await two.db[table].get(record.id);
      if (!other || other.deleted || other.version !== record.version) continue;
      if (queued.has(record.id)) continue;
      candidates.push(record);
    }
    const target = this.random.pick(candidates);
    const field = this.random.pick<string>(editableFields[kind]) ?? 'address';
    if (!target) return null;
    const values: [string, string] = [this.value(one, field), this.value(two, field)];
    for (const [i, desk] of [one, two].entries()) {
      const current = await desk.db[table].get(target.id);
      await write(desk.db, desk.ctx, (w) =>
        w.update(
          kind,
          target.id,
          current?.version ?? 0,
          { [field]: values[i] },
          { reason: '并发更正' },
        ),
      );
    }
    this.log(
      `same-field edit ${kind} ${target.id}.${field}: ${one.name}=${values[0]} ${two.name}=${values[1]}`,
    );
    return { officeId: this.officeId, kind, recordId: target.id, field, values };
  }
}
