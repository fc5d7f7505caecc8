import { expect } from 'vitest';
import { isAppErrorData, type AppErrorData } from '@shared/errors/appError';
import { newRecordId } from '@shared/records/ids';
import { hqRoutes } from '@shared/sync/httpApi';
import type { QueueEntry } from '@shared/sync/queueEntry';
import {
  adminToken,
  enrollDesk,
  hqRowCounts,
  postJson,
  startHq,
  type HqStorage,
  type RunningHq,
} from '../../support/hqHarness';
import { createPersons, registerFamily } from '../../support/officeWork';
import { enroll, openOfficeDesk, sync } from '../../support/syncDesks';

/** What the malformed-input suites share: raw requests and the 4xx they expect. */

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export async function send(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: parseOr(text), text };
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A 4xx whose body is AppErrorData, without a stack trace or an SQL message in it. */
export function expectRefusal(answer: Answer, context: string): AppErrorData {
  expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${context}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(isAppErrorData(answer.body), `${context}: ${answer.text.slice(0, 300)}`).toBe(true);
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|SQLITE|syntax error|relation "/i);
  return answer.body as AppErrorData;
}

export const fieldPaths = (error: AppErrorData) => (error.fieldErrors ?? []).map((f) => f.path);

/** A second device of the office that sends hand-made ops (its own seq counter). */
export interface RawDevice {
  token: string;
  deviceId: string;
  seq: number;
  /** The device's own account (HQ takes ops only from accounts of the sending desk). */
  actor: QueueEntry['actor'];
}

/**
 * HQ with one office whose desk has synced a family and keeps one op queued (the
 * template the malformed pushes are made from), plus a raw device, and HQ's row counts.
 */
export async function openMalformedHq(storage: HqStorage) {
  const hq: RunningHq = await startHq({ storage });
  const desk = await openOfficeDesk('office-a', 'a1');
  await enroll(desk, hq);
  await registerFamily(desk);
  await sync(desk);
  await createPersons(desk, 1);
  const [template] = await desk.db.queue.toArray();
  if (!template) throw new Error('no queued op');
  const raw: RawDevice = {
    token: '',
    deviceId: `raw-device-${newRecordId()}`,
    seq: 0,
    actor: { userId: `raw-admin-${newRecordId()}`, name: '管理员', role: 'admin' },
  };
  raw.token = (await enrollDesk(hq, 'office-a', raw.deviceId)).token;
  // Its first op, as a first run's: its administrator's own account, one that also
  // registers (a small office's), so its later ops are casework in the registrar's role.
  raw.seq = 1;
  const account = {
    ...template,
    seq: 1,
    opId: newRecordId(),
    txId: newRecordId(),
    deviceId: raw.deviceId,
    kind: 'staffMember',
    recordId: raw.actor.userId,
    op: 'create',
    fields: {
      username: 'raw',
      displayName: '管理员',
      roles: ['admin', 'registrar'],
      disabled: false,
      deviceId: raw.deviceId,
    },
    actor: raw.actor,
  };
  const made = await postJson(`${hq.url}${hqRoutes.push}`, { ops: [account] }, raw.token);
  expect(JSON.stringify(made.body)).toContain('"applied"');
  raw.actor = { ...raw.actor, role: 'registrar' };
  const deviceToken = desk.token ?? '';
  return {
    hq,
    template: template as QueueEntry,
    deviceToken,
    raw,
    before: await hqRowCounts(hq.hq),
    url: (route: string) => `${hq.url}${route}`,
    asDevice: () => ({ authorization: `Bearer ${deviceToken}` }),
    asAdmin: { authorization: `Bearer ${adminToken}` },
  };
}
