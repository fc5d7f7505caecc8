import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { recordMetaSchema, referenceOwner } from '@shared/records/envelope';
import { kindDefinitions, recordKinds } from '@shared/records/kinds';
import {
  checkIncomingChanges,
  compileAfter,
  isPageRefused,
  pageRefusedError,
} from '@shared/sync/incomingChanges';
import type { ServerChange } from '@shared/sync/protocol';
import { generateOffice, RecordStamper, serverChanges } from '../../bench/generator';

const office = 'office-east';
const at = '2026-03-02T01:00:00.000Z';
const envelope = {
  id: 'r-1',
  officeId: office,
  version: 1,
  hlc: '001772413200000-000000-hq',
  createdAt: at,
  createdBy: 'hq',
  updatedAt: at,
  updatedBy: 'hq',
  deleted: false,
};
const standard = {
  areaCode: '330102',
  category: 'rural',
  effectiveFrom: '2027-01-01',
  effectiveTo: null,
  amountFen: 68000,
  note: '县局发布',
  source: 'hq',
};

function change(kind: string, record: Record<string, unknown>, seq = 1): ServerChange {
  return { stream: 'office', seq, kind, record };
}

/** A whole generated office (every kind the generator makes), as HQ would send it. */
function generatedPage(): ServerChange[] {
  const stamper = new RecordStamper(
    office,
    'hq-device',
    { userId: 'u', name: '王登记', role: 'registrar' },
    Date.parse(at),
  );
  return serverChanges(
    generateOffice(
      7,
      {
        persons: 40,
        cases: 5,
        institutions: 1,
        bedsPerInstitution: 4,
        volunteers: 3,
        serviceRecords: 10,
      },
      stamper,
    ),
  );
}

describe('checkIncomingChanges', () => {
  it('lets a whole office of valid records through, and county reference data', () => {
    const page = generatedPage();
    expect(new Set(page.map((c) => c.kind)).size).toBeGreaterThan(8);
    page.push({
      stream: 'reference',
      seq: 1,
      kind: 'benefitStandard',
      record: { ...envelope, id: 's-1', officeId: referenceOwner, ...standard },
    });
    expect(checkIncomingChanges(page, { officeId: office })).toEqual([]);
  });

  it('refuses every local kind, whatever it holds: accounts and derived records stay on the desk', () => {
    const local = recordKinds.filter((kind) => kindDefinitions[kind].scope === 'local');
    expect(local).toEqual(expect.arrayContaining(['localUser', 'elderlyStay']));
    const refusals = checkIncomingChanges(
      local.map((kind) => change(kind, { ...envelope })),
      { officeId: office },
    );
    expect(refusals).toEqual(
      local.map((kind, index) => ({ index, code: 'sync.change.local_kind', params: { kind } })),
    );
  });

  it('checks every other kind of the table by its scope (a new kind needs nothing here)', () => {
    const synced = recordKinds.filter((kind) => kindDefinitions[kind].scope !== 'local');
    const refusals = checkIncomingChanges(
      synced.map((kind) => change(kind, { ...envelope, officeId: 'office-west' })),
      { officeId: office },
    );
    expect(refusals.map((r) => [synced[r.index], r.code])).toEqual(
      synced.map((kind) => [
        kind,
        kindDefinitions[kind].scope === 'office'
          ? 'sync.change.wrong_office'
          : 'sync.change.reference_owner',
      ]),
    );
  });

  it('names each refused change with its reason, in page order', () => {
    const [person] = generatedPage().filter((c) => c.kind === 'person');
    if (!person) throw new Error('the generated office has persons');
    const page: ServerChange[] = [
      person,
      change('payrollEntry', { ...envelope }),
      change('person', { ...person.record, disabilityGrade: 9 }),
      change('person', { ...person.record, hlc: undefined }),
      change('person', { ...person.record, officeId: 'office-west' }),
      change('benefitStandard', { ...envelope, ...standard }),
      change('localUser', { ...envelope }),
    ];
    expect(checkIncomingChanges(page, { officeId: office })).toEqual([
      { index: 1, code: 'sync.change.unknown_kind', params: { kind: 'payrollEntry' } },
      {
        index: 2,
        code: 'sync.change.invalid_record',
        params: { kind: 'person', field: 'disabilityGrade' },
      },
      { index: 3, code: 'sync.change.invalid_record', params: { kind: 'person', field: 'hlc' } },
      {
        index: 4,
        code: 'sync.change.wrong_office',
        params: { kind: 'person', office: 'office-west' },
      },
      {
        index: 5,
        code: 'sync.change.reference_owner',
        params: { kind: 'benefitStandard', office },
      },
      { index: 6, code: 'sync.change.local_kind', params: { kind: 'localUser' } },
    ]);
  });

  it('refuses every office record when the desk has no office of its own', () => {
    const page = generatedPage().slice(0, 3);
    const refusals = checkIncomingChanges(page, { officeId: '' });
    expect(refusals.map((r) => r.code)).toEqual(Array(3).fill('sync.change.wrong_office'));
  });

  it('takes HQ’s answer to a refused create by its envelope alone, still of this office', () => {
    // HQ sends the desk's own refused fields back at version 0, deleted: they may be the
    // very reason it refused, and the desk only drops its copy.
    const absent = { ...envelope, version: 0, deleted: true, name: '', disabilityGrade: 9 };
    expect(checkIncomingChanges([change('person', absent)], { officeId: office })).toEqual([]);
    expect(
      checkIncomingChanges([change('person', { ...absent, officeId: 'office-west' })], {
        officeId: office,
      }).map((r) => r.code),
    ).toEqual(['sync.change.wrong_office']);
    // Version 0 is only ever such an answer: not deleted, it is an invalid envelope.
    expect(
      checkIncomingChanges([change('person', { ...absent, deleted: false })], {
        officeId: office,
      }),
    ).toEqual([
      {
        index: 0,
        code: 'sync.change.invalid_record',
        params: { kind: 'person', field: 'version' },
      },
    ]);
  });

  it('answers as the kinds’ own schemas do, for valid records and broken ones alike', () => {
    // The check uses zod's compiled validators once a kind is common (where code generation
    // is allowed, as here); each answer is compared with the plain schemas' safeParse, on
    // every field broken in turn.
    const samples = generatedPage().filter(
      (c, i, all) => all.findIndex((other) => other.kind === c.kind) === i,
    );
    samples.push({
      stream: 'reference',
      seq: 1,
      kind: 'benefitStandard',
      record: { ...envelope, officeId: referenceOwner, ...standard },
    });
    const broken: unknown[] = [undefined, null, '', '   ', 'x'.repeat(2000), 0, -1, 1.5, 1e20];
    broken.push(true, [], {}, ['x'], '2026-02-30', '2024-02-29', 'rural', 'male', 'self');
    let compared = 0;
    const disagreements: string[] = [];
    // First as each schema checks a few records, then compiled, after `compileAfter`.
    for (const phase of ['interpreted', 'compiled']) {
      if (phase === 'compiled') {
        for (const sample of samples) {
          const officeId = String(sample.record.officeId);
          const many = Array.from({ length: compileAfter }, () => sample);
          expect(checkIncomingChanges(many, { officeId })).toEqual([]);
        }
      }
      for (const sample of samples) {
        const kind = sample.kind as keyof typeof kindDefinitions;
        for (const field of Object.keys(sample.record)) {
          for (const value of broken) {
            const record = Object.fromEntries([
              ...Object.entries(sample.record).filter(([key]) => key !== field),
              ...(value === undefined ? [] : [[field, value] as const]),
            ]);
            const ownerOk =
              kindDefinitions[kind].scope === 'office' || record.officeId === referenceOwner;
            const expected =
              ownerOk &&
              recordMetaSchema.safeParse(record).success &&
              kindDefinitions[kind].schema.safeParse(record).success;
            const refusals = checkIncomingChanges([{ ...sample, record }], {
              officeId: String(record.officeId),
            });
            const accepted = refusals.length === 0;
            if (accepted !== expected) {
              disagreements.push(`${phase} ${kind}.${field} = ${String(value).slice(0, 20)}`);
            }
            compared += 1;
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(4000);
  });

  it('does not mistake an inherited name for a kind', () => {
    const refusals = checkIncomingChanges(
      ['constructor', 'toString', '__proto__'].map((kind) => change(kind, { ...envelope })),
      { officeId: office },
    );
    expect(refusals.map((r) => r.code)).toEqual(Array(3).fill('sync.change.unknown_kind'));
  });

  it('fails the round with one coded error that says how many were refused', () => {
    const page = [change('localUser', { ...envelope }), change('payrollEntry', { ...envelope })];
    const error = pageRefusedError(page, checkIncomingChanges(page, { officeId: office }));
    expect(error).toBeInstanceOf(AppError);
    expect(isPageRefused(error)).toBe(true);
    expect(error.toData()).toMatchObject({
      code: 'forbidden',
      fieldErrors: [{ path: 'changes', code: 'sync.page_refused', params: { count: 2 } }],
    });
    expect(error.message).toContain('office #1 (localUser)');
    expect(isPageRefused(new AppError({ code: 'forbidden', message: 'x' }))).toBe(false);
  });
});
