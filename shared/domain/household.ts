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
