import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { syncOnce } from '@shared/sync/engine';
import { signHqAnswer } from '@shared/sync/hqSignature';
import type { SyncTransport } from '@shared/sync/ports';
import type { SyncCursor } from '@shared/sync/protocol';
import { authenticate, hasAnyUser, prepareUser } from '../../../renderer/src/db/repositories/users';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { refusedChangeReason, syncReason } from '../../../renderer/src/screens/sync/syncText';
import { blockingRefusedCount, refusedChanges } from '../../../renderer/src/sync/refusedChanges';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { officeWithNews as newsOf, slipIntoStream, stamped } from '../../support/hostileHq';
import { createPersons } from '../../support/officeWork';
import { sync, type SyncDesk } from '../../support/syncDesks';

/**
 * The desk against a hostile HQ: the real HQ, with changes slipped into its change log
 * that no desk of the office may take. In each case the whole page is refused (nothing
 * of it applied, not even the good changes beside the bad one), the cursor stays before
 * it, the refusal is kept and listed with its reason, and the round fails with
 * `sync.page_refused` so the status bar says so.
 */
let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const office = 'office-east';

/** Desk A, caught up; then B registers two persons, which wait for A in HQ's stream. */
async function officeWithNews(): Promise<{ desk: SyncDesk; colleague: SyncDesk }> {
  hq = await startHq();
  return newsOf(hq, office);
}

function running(): RunningHq {
  if (!hq) throw new Error('HQ is not running');
  return hq;
}

/** How many changes HQ's stream of the office holds. */
async function officeStreamSeq(): Promise<number> {
  const row = await running()
    .hq.db.selectFrom('streams')
    .select('seq')
    .where('id', '=', `office:${office}`)
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

/** What a refused page must leave as it was. */
async function deskState(desk: SyncDesk) {
  return {
    cursor: await desk.store.cursor(),
    persons: await desk.db.persons.count(),
    users: await desk.db.users.count(),
    standards: await desk.db.benefitStandards.count(),
    settings: await desk.db.settings.toArray(),
    hlc: (await desk.db.meta.get('hlc'))?.value,
  };
}

async function refusedRound(desk: SyncDesk, options: { pullLimit?: number } = {}) {
  let failure: unknown = null;
  try {
    await sync(desk, options);
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(AppError);
  return failure as AppError;
}

/** The round fails with sync.page_refused, applies nothing, keeps and lists the refusal. */
async function expectPageRefused(desk: SyncDesk, code: string, params: Record<string, string>) {
  const before = await deskState(desk);
  const error = await refusedRound(desk);
  expect(error.toData()).toMatchObject({
    code: 'forbidden',
    fieldErrors: [{ path: 'changes', code: 'sync.page_refused', params: { count: 1 } }],
  });
  expect(syncReason(zh, error.toData())).toBe('县局发来 1 条本机不能接受的变更，已停止接收');
  expect(await deskState(desk)).toEqual(before);

  const listed = await refusedChanges(desk.db);
  expect(listed).toHaveLength(1);
  const [row] = listed;
  expect(row).toMatchObject({
    code,
    params,
    via: { kind: 'pull' },
    blocking: true,
    times: 1,
    stream: params.kind === 'benefitStandard' ? 'reference' : 'office',
  });
  expect(row?.seq).toBeGreaterThan(before.cursor[row?.stream ?? 'office']);
  expect(await blockingRefusedCount(desk.db)).toBe(1);
  return row;
}

describe('a desk facing a hostile HQ', () => {
  it('refuses an account in a page: no user is made, nobody can log in with it', async () => {
    const { desk } = await officeWithNews();
    const intruder = await prepareUser({
      username: 'intruder',
      displayName: '县局管理员',
      roles: ['admin'],
      password: 'let-me-in-01',
    });
    await slipIntoStream(running(), { office }, [
      { kind: 'localUser', record: stamped(office, intruder) },
    ]);

    const row = await expectPageRefused(desk, 'sync.change.local_kind', { kind: 'localUser' });
    expect(await hasAnyUser(desk.db)).toBe(false);
    expect(await authenticate(desk.db, 'intruder', 'let-me-in-01')).toBeNull();
    expect(row?.change.record).toMatchObject({ username: 'intruder' });
    expect(refusedChangeReason(zh, row?.code ?? '', row?.params ?? {})).toBe(
      '“用户”类记录只在本机建立，不能由县局下发',
    );
  });

  it('refuses a kind it does not know, rather than skip it for good', async () => {
    const { desk } = await officeWithNews();
    await slipIntoStream(running(), { office }, [
      { kind: 'payrollEntry', record: stamped(office, { amountFen: 100 }) },
    ]);
    const row = await expectPageRefused(desk, 'sync.change.unknown_kind', {
      kind: 'payrollEntry',
    });
    expect(refusedChangeReason(zh, row?.code ?? '', row?.params ?? {})).toBe(
      '本机不认识这类记录（payrollEntry），可能需要升级本机程序',
    );
  });

  it('refuses a record that breaks its kind’s schema', async () => {
    const { desk, colleague } = await officeWithNews();
    const [person] = await colleague.db.persons.toArray();
    await slipIntoStream(running(), { office }, [
      { kind: 'person', record: stamped(office, { ...person, disabilityGrade: 9 }) },
    ]);
    const row = await expectPageRefused(desk, 'sync.change.invalid_record', {
      kind: 'person',
      field: 'disabilityGrade',
    });
    expect(refusedChangeReason(zh, row?.code ?? '', row?.params ?? {})).toBe(
      '记录内容不符合校验规则（残疾等级）',
    );
  });

  it('refuses a record of another office in its office’s stream', async () => {
    const { desk, colleague } = await officeWithNews();
    const [person] = await colleague.db.persons.toArray();
    await slipIntoStream(running(), { office }, [
      { kind: 'person', record: stamped('office-west', { ...person }) },
    ]);
    await expectPageRefused(desk, 'sync.change.wrong_office', {
      kind: 'person',
      office: 'office-west',
    });
  });

  it('refuses reference data that claims an office instead of the county', async () => {
    const { desk } = await officeWithNews();
    const standard = {
      areaCode: '330102',
      category: 'rural',
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      amountFen: 1,
      note: '',
      source: 'hq',
    };
    await slipIntoStream(running(), 'reference', [
      { kind: 'benefitStandard', record: stamped(office, standard) },
    ]);
    const row = await expectPageRefused(desk, 'sync.change.reference_owner', {
      kind: 'benefitStandard',
      office,
    });
    expect(refusedChangeReason(zh, row?.code ?? '', row?.params ?? {})).toBe(
      `低保标准、工作日历等参考数据只能由县局统一发布，这条却标明属于办公室 ${office}`,
    );
  });

  it('keeps asking for the refused page, never skips it, and still sends its own work', async () => {
    const { desk, colleague } = await officeWithNews();
    await sync(desk); // caught up with B's news
    const held = (await desk.store.cursor()).office;
    expect(held).toBe(await officeStreamSeq());
    await createPersons(colleague, 2); // held + 1, held + 2
    await sync(colleague);
    await slipIntoStream(running(), { office }, [
      { kind: 'localUser', record: stamped(office, { username: 'x' }) },
    ]); // held + 3
    await createPersons(colleague, 1); // held + 4: behind the bad change, it must wait
    // B is a desk of the office too: its push goes through, its pull is refused likewise.
    await expect(sync(colleague)).rejects.toMatchObject({
      fieldErrors: [{ code: 'sync.page_refused' }],
    });
    expect(await colleague.db.queue.count()).toBe(0);
    expect(await officeStreamSeq()).toBe(held + 4);

    // Pages of two: the page before the bad change applies; the bad one's page does not,
    // good change and all, and the page after it is never applied.
    const first = await refusedRound(desk, { pullLimit: 2 });
    expect(first.fieldErrors[0]?.code).toBe('sync.page_refused');
    expect((await desk.store.cursor()).office).toBe(held + 2);
    expect(await desk.db.persons.count()).toBe(4);

    // A registrar keeps working: the next round still pushes that, then stops at the
    // same page again.
    const [mine] = await createPersons(desk, 1);
    await refusedRound(desk, { pullLimit: 2 });
    expect(await desk.db.queue.count()).toBe(0);
    const atHq = await running()
      .hq.db.selectFrom('records')
      .select('id')
      .where('id', '=', mine?.id ?? '')
      .execute();
    expect(atHq).toHaveLength(1);
    expect((await desk.store.cursor()).office).toBe(held + 2);
    expect(await desk.db.persons.count()).toBe(5); // its own, but still not B's last

    const listed = await refusedChanges(desk.db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      seq: held + 3,
      code: 'sync.change.local_kind',
      times: 2,
      blocking: true,
    });
    expect(await blockingRefusedCount(desk.db)).toBe(1);
  });

  it('fails the round when HQ says more follows but its page does not move on', async () => {
    const { desk } = await officeWithNews();
    const honest = desk.transport;
    if (!honest) throw new Error('desk A is enrolled');
    let pulls = 0;
    const stuck: SyncTransport = {
      push: (request) => honest.push(request),
      // HQ's own key signs the stuck page: a fault of HQ itself, not of the line.
      pull: async (request) => {
        pulls += 1;
        await honest.pull(request);
        const cursor: SyncCursor = request.cursor;
        const page = { changes: [], cursor, hasMore: true, hqTime: new Date().toISOString() };
        const body = new TextEncoder().encode(JSON.stringify(page));
        const { nonce = '' } = request;
        const signedFor = { answer: 'pull', deviceId: desk.deviceId, cursor, nonce } as const;
        const { signing } = await loadHqKeys(running().hq);
        return { body, signature: await signHqAnswer(body, signedFor, signing) };
      },
    };
    const before = await desk.store.cursor();
    await expect(syncOnce(desk.store, stuck)).rejects.toMatchObject({
      fieldErrors: [{ code: 'sync.page_stalled' }],
    });
    expect(pulls).toBe(1);
    expect(await desk.store.cursor()).toEqual(before);
    const stalled = {
      code: 'internal' as const,
      message: '',
      fieldErrors: [{ path: 'cursor', code: 'sync.page_stalled' }],
    };
    expect(syncReason(zh, stalled)).toBe('县局的答复有误（接收进度没有前进），已停止接收');
  });
});
