import { z } from 'zod';
import type { FieldError } from '../errors/appError';
import { areaCodeSchema, nameSchema, optionalText, urbanRuralSchema } from './common';

export const relations = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other',
] as const;
export type Relation = (typeof relations)[number];

export const householdMemberSchema = z.object({
  personId: z.string().min(1),
  /** Relation to the head of household; the head is 'self'. */
  relation: z.enum(relations),
});

export const householdDataSchema = z.object({
  headPersonId: z.string().min(1),
  /** Copied from the head so lists and search need no join. */
  headName: nameSchema,
  members: z.array(householdMemberSchema).min(1).max(30),
  areaCode: areaCodeSchema,
  hukouType: urbanRuralSchema,
  villageName: optionalText(60),
  address: optionalText(200),
  searchTokens: z.array(z.string()),
});

export type HouseholdData = z.infer<typeof householdDataSchema>;
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export function householdDomainIssues(household: HouseholdData): FieldError[] {
  const issues: FieldError[] = [];
  const heads = household.members.filter((m) => m.relation === 'self');
  if (heads.length !== 1 || heads[0]?.personId !== household.headPersonId) {
    issues.push({ path: 'members', code: 'household.one_head' });
  }
  const ids = household.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) {
    issues.push({ path: 'members', code: 'household.member_twice' });
  }
  return issues;
}

/** A member as the one-household rule sees them: their own record's householdId. */
export interface MemberRecord {
  personId: string;
  /** undefined: no live person with this id. */
  householdId: string | null | undefined;
  name: string;
}

/**
 * A person is in one household at a time (checked at the desk and at HQ, each with its
 * own records): every member a household lists is a registered person whose own
 * householdId is this household. A person joins by their record first, then the
 * household lists them; registration writes them the same way.
 */
export function householdMembershipIssues(
  householdId: string,
  members: readonly MemberRecord[],
): FieldError[] {
  if (members.some((m) => m.householdId === undefined)) {
    return [{ path: 'members', code: 'household.member_missing' }];
  }
  const elsewhere = members.find((m) => m.householdId !== householdId);
  return elsewhere
    ? [
        {
          path: 'members',
          code: 'household.person_in_other_household',
          params: { name: elsewhere.name },
        },
      ]
    : [];
}

/**
 * A person leaves a household (their householdId changes away from it) only once the
 * household no longer lists them: it lists its members first, they follow.
 */
export function leavingHouseholdIssues(
  personId: string,
  left: Pick<HouseholdData, 'members' | 'headName'> | null,
): FieldError[] {
  return left && left.members.some((m) => m.personId === personId)
    ? [
        {
          path: 'householdId',
          code: 'household.person_in_other_household',
          params: { name: left.headName },
        },
      ]
    : [];
}

/**
 * A household copies its head's name (lists and search need no join): a household that
 * sets its head or the copy names the head by a name the registry gave them — now, or
 * before a correction the desk had not yet seen (`known`; undefined when whoever checks
 * has no such live person, which the membership rule refuses on its own):
 * `household.head_name_not_registry` (params.name, the name now).
 */
export function headNameIssues(
  headName: unknown,
  registry: { current: string; known: readonly string[] } | undefined,
): FieldError[] {
  if (registry === undefined) return [];
  if (typeof headName === 'string' && registry.known.includes(headName)) return [];
  return [
    {
      path: 'headName',
      code: 'household.head_name_not_registry',
      params: { name: registry.current },
    },
  ];
}
