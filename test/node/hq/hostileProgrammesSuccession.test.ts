import { afterEach, describe, expect, it } from 'vitest';
import type { OpResult } from '@shared/sync/protocol';
import { cases, Forge, forgerActors, hqCase, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * Hostile review of 动态管理's successor link at a real HQ: HQ judges `previousCaseId`
 * when a case is created (the case it continues was closed for a head changed or died,
 * in the same transaction). A later plain correction of a draft must not set or move the
 * link to another case — it would pass unchecked and show a case as the continuation of
 * one it never continued.
 */

afterEach(stopHostileOffice);

const rule = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? result.reason.fieldErrors?.map((e) => `${e.path}:${e.code}`)
    : result?.status;

describe.each(cases)('successor link at HQ, $storage.kind, $mode', ({ storage, mode }) => {
  it('refuses a link set by a correction after the case was opened', async () => {
    const office = await setUp(storage);
    const forge = new Forge(office, mode);
    await forge.start();
    const draft = await hqCase(office, office.draftId);
    expect(draft.data).toMatchObject({ status: 'draft', previousCaseId: null });
    const [linked] = await forge.send([
      forge.op({
        recordId: office.draftId,
        op: 'update',
        baseVersion: draft.version,
        fields: { previousCaseId: office.noticeId },
        reason: '更正',
        actor: forgerActors.registrar,
      }),
    ]);
    expect(rule(linked)).toEqual(['previousCaseId:dynamics.successor_link_fixed']);
    expect((await hqCase(office, office.draftId)).data).toEqual(draft.data);
  });
});
