import type { FieldError } from '@shared/errors/appError';
import type { UrbanRural } from '@shared/domain/common';
import type { Relation } from '@shared/domain/household';
import type {
  CorrectedMember,
  HouseholdCorrection,
} from '../../db/repositories/householdCorrection';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import type { Person } from '../../db/repositories/persons';
import { emptyMember, memberIssues, toRegistration, type MemberDraft } from './householdForm';

/** A registered person on the form: a member now, or joining; '' = relation not chosen. */
export interface ExistingRow {
  kind: 'existing';
  key: string;
  personId: string;
  name: string;
  idNumber: string;
  relation: Relation | '';
  /** Was a member when the form opened (else: joining). */
  wasMember: boolean;
  leaving: boolean;
}

/** A person registered by this correction. */
export interface NewRow {
  kind: 'new';
  key: string;
  member: MemberDraft;
}

export type Row = ExistingRow | NewRow;

export interface HouseholdCorrectionDraft {
  hukouType: UrbanRural;
  villageName: string;
  address: string;
  rows: Row[];
  reason: string;
}

export function draftFromHousehold(data: HouseholdWithMembers): HouseholdCorrectionDraft {
  const { household, members } = data;
  return {
    hukouType: household.hukouType,
    villageName: household.villageName,
    address: household.address,
    rows: members.map(({ person, relation }) => existingRow(person, relation, true)),
    reason: '',
  };
}

export function existingRow(
  person: Person,
  relation: Relation | '',
  wasMember: boolean,
): ExistingRow {
  return {
    kind: 'existing',
    key: person.id,
    personId: person.id,
    name: person.name,
    idNumber: person.idNumber,
    relation,
    wasMember,
    leaving: false,
  };
}

export function newRow(): NewRow {
  const member = emptyMember('child');
  return { kind: 'new', key: member.key, member };
}

/** The new head is 本人; the old head's relation is left for the user to choose. */
export function makeHead(draft: HouseholdCorrectionDraft, key: string): HouseholdCorrectionDraft {
  return {
    ...draft,
    rows: draft.rows.map((r) => {
      if (r.kind !== 'existing') return r;
      if (r.key === key) return { ...r, relation: 'self', leaving: false };
      return r.relation === 'self' ? { ...r, relation: '' } : r;
    }),
  };
}

/** The rows that stay or join, in order, each with its row index (errors name the row). */
function staying(draft: HouseholdCorrectionDraft): { row: Row; index: number }[] {
  return draft.rows.flatMap((row, index) =>
    row.kind === 'existing' && row.leaving ? [] : [{ row, index }],
  );
}

/**
 * What the form sees before saving, with row paths ("members.3.relation"): one head, a
 * relation for everyone, a new member's own fields as on the registration form, and
 * the reason.
 */
export function correctionIssues(draft: HouseholdCorrectionDraft, today: string): FieldError[] {
  const issues: FieldError[] = [];
  const rows = staying(draft);
  for (const { row, index } of rows) {
    if (row.kind === 'existing') {
      if (row.relation === '') {
        issues.push({ path: `members.${index}.relation`, code: 'field.required' });
      }
      continue;
    }
    const own = memberIssues([row.member], today);
    issues.push(
      ...own.map((e) => ({ ...e, path: e.path.replace(/^members\.0\./, `members.${index}.`) })),
    );
  }
  const heads = rows.filter(({ row }) => row.kind === 'existing' && row.relation === 'self');
  if (heads.length !== 1) issues.push({ path: 'members', code: 'household.one_head' });
  if (draft.reason.trim() === '') {
    issues.push({ path: 'reason', code: 'record.correction_reason_required' });
  }
  return issues;
}

const placeholder = {
  areaCode: '000000',
  hukouType: 'rural' as const,
  villageName: '',
  address: '',
};

/** The correction to save, and for each member's position the row it came from. */
export function toHouseholdCorrection(draft: HouseholdCorrectionDraft): {
  input: HouseholdCorrection;
  rowOfMember: number[];
} {
  const rows = staying(draft);
  const members = rows.map(({ row }): CorrectedMember => {
    if (row.kind === 'existing')
      return { personId: row.personId, relation: row.relation || 'other' };
    const [registered] = toRegistration({
      ...placeholder,
      hukouType: draft.hukouType,
      address: draft.address,
      members: [row.member],
    }).members;
    if (!registered || !('person' in registered)) throw new Error('A row always gives a person.');
    return { relation: row.member.relation, person: registered.person };
  });
  return {
    input: {
      hukouType: draft.hukouType,
      villageName: draft.villageName,
      address: draft.address,
      members,
    },
    rowOfMember: rows.map(({ index }) => index),
  };
}

/** A saved error's member paths ("members.2.…", by member) turned into row paths. */
export function rowPaths(errors: FieldError[], rowOfMember: number[]): FieldError[] {
  return errors.map((e) => {
    const m = /^members\.(\d+)(\..*)?$/.exec(e.path);
    if (!m) return e;
    const row = rowOfMember[Number(m[1])];
    return row === undefined ? e : { ...e, path: `members.${row}${m[2] ?? ''}` };
  });
}
