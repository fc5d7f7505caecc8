import { formatHlc, tickHlc, type Hlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { kindDefinitions } from '@shared/records/kinds';
import { hqRoutes } from '@shared/sync/httpApi';
import { initialCursor, type SyncCursor } from '@shared/sync/protocol';
import type { QueueEntry } from '@shared/sync/queueEntry';
import { personInput, residentId } from '../fakes/deskFixtures';

/**
 * One simulated desk of the load run: the real protocol (bearer token, push and pull
 * bodies as the desk's engine sends them, ops HQ judges like any desk's: its own staff
 * records first, then persons a registrar registers), without a store — it keeps only
 * its seq, clock and cursor. Hundreds fit in one process.
 */
export interface Timed {
  route: string;
  ms: number;
  status: number;
}

export class SimDesk {
  private seq = 0;
  private hlc: Hlc | null = null;
  private cursor: SyncCursor = initialCursor;
  private persons = 0;
  private readonly admin: QueueEntry['actor'];
  private readonly registrar: QueueEntry['actor'];

  constructor(
    readonly index: number,
    readonly officeId: string,
    readonly deviceId: string,
    private readonly token: string,
    private readonly url: string,
    private readonly record: (t: Timed) => void,
    private readonly refused: (what: string) => void,
  ) {
    this.admin = { userId: `admin-${deviceId}`, name: `管理员${index}`, role: 'admin' };
    this.registrar = { userId: `reg-${deviceId}`, name: `登记员${index}`, role: 'registrar' };
  }

  private op(
    kind: QueueEntry['kind'],
    recordId: string,
    fields: Record<string, unknown>,
    actor: QueueEntry['actor'],
  ): QueueEntry {
    const now = Date.now();
    this.hlc = tickHlc(this.hlc, now, this.deviceId);
    this.seq += 1;
    return {
      seq: this.seq,
      opId: newRecordId(),
      txId: newRecordId(),
      deviceId: this.deviceId,
      officeId: this.officeId,
      kind,
      recordId,
      op: 'create',
      fields,
      baseVersion: 0,
      transition: null,
      reason: null,
      hlc: formatHlc(this.hlc),
      actor,
      createdAt: new Date(now).toISOString(),
    };
  }

  /** The desk's first push, as a first run leaves it: its administrator, then a registrar. */
  async start(): Promise<void> {
    const staff = (actor: QueueEntry['actor'], role: string) =>
      this.op(
        'staffMember',
        actor.userId,
        {
          username: `${role}${this.index}`,
          displayName: actor.name,
          roles: [role],
          disabled: false,
          deviceId: this.deviceId,
        },
        this.admin,
      );
    await this.push(
      [staff(this.admin, 'admin'), staff(this.registrar, 'registrar')],
      'push (setup)',
    );
  }

  /** A person as the write path makes them: valid ID (unique per desk), derived fields. */
  private personOp(): QueueEntry {
    this.persons += 1;
    const n = this.persons;
    // Birth dates walk back a day per person from 1990: unique within the desk for
    // 20,000 persons; the desk's index in the sequence part makes it unique in the office.
    const birth = new Date(Date.UTC(1990, 0, 1) - n * 86_400_000).toISOString().slice(0, 10);
    const sequence = String(this.index % 1000).padStart(3, '0');
    const input = {
      ...personInput({
        name: `负载${this.index}号${n}`,
        idNumber: residentId('330102', birth, sequence),
        birthDate: birth,
        sex: Number(sequence.at(-1)) % 2 === 1 ? 'male' : 'female',
      }),
      householdId: null,
    };
    const definition = kindDefinitions.person;
    const parsed = definition.schema.parse({ ...input, searchTokens: [] });
    const fields = (definition.derive as (d: unknown) => Record<string, unknown>)(parsed);
    return this.op('person', newRecordId(), fields, this.registrar);
  }

  /** A burst of saves at the window, pushed together. */
  async saveAndPush(count: number): Promise<void> {
    if (count === 0) return;
    await this.push(
      Array.from({ length: count }, () => this.personOp()),
      'push',
    );
  }

  /** Pulls what is new (bounded pages); `fromStart` as a desk's initial pull does. */
  async pull(fromStart = false, maxPages = 20): Promise<void> {
    let cursor = fromStart ? initialCursor : this.cursor;
    const route = fromStart ? 'pull (initial)' : 'pull';
    for (let page = 0; page < maxPages; page++) {
      const body = await this.post(hqRoutes.pull, { cursor, limit: 500 }, route);
      if (!body) return;
      const answer = body as { cursor: SyncCursor; hasMore: boolean };
      cursor = answer.cursor;
      if (!answer.hasMore) break;
    }
    this.cursor = cursor;
  }

  private async push(ops: QueueEntry[], route: string): Promise<void> {
    const answer = (await this.post(hqRoutes.push, { ops }, route)) as {
      results?: { status: string; reason?: { code: string; fieldErrors?: { code: string }[] } }[];
    } | null;
    // An op HQ refuses or puts off is an error of the run too (0 is the target).
    for (const result of answer?.results ?? []) {
      if (result.status === 'applied' || result.status === 'conflict') continue;
      const code = result.reason?.fieldErrors?.[0]?.code ?? result.reason?.code ?? result.status;
      this.refused(`${result.status} ${code}`);
    }
  }

  private async post(path: string, body: unknown, route: string): Promise<unknown> {
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify(body),
      });
      status = response.status;
      const text = await response.text();
      return response.ok ? (JSON.parse(text) as unknown) : null;
    } catch {
      return null;
    } finally {
      this.record({ route, ms: performance.now() - started, status });
    }
  }
}
