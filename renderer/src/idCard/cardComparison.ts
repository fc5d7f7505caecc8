/**
 * What the card said next to what the form (the registry's record, or the new row)
 * has, field by field, and taking the card's values into the form. Pure: tested under
 * Node (test/node/idCard/cardComparison.test.ts); CardComparisonDialog.tsx shows it.
 * Nothing here saves: taken values land in the form, which saves through the one write
 * path when the user saves.
 */
import type { IdCardReading } from '@shared/identity/idCardReading';
import { residentIdFacts } from '@shared/identity/residentId';
import { withIdNumber, type MemberDraft } from '../screens/registry/householdForm';

export const comparedFields = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'address',
  'nation',
] as const;
export type ComparedField = (typeof comparedFields)[number];

/** The fields the form holds, which the user can take from the card. */
export type TakableField = Exclude<ComparedField, 'nation'>;

export interface ComparisonRow {
  field: ComparedField;
  card: string;
  /** '' when the form has nothing there; null when the registry keeps no such field. */
  form: string | null;
  /** The form has a value and it is not the card's (an empty form field is no difference). */
  differs: boolean;
  /**
   * The form lacks the card's value or has another, and taking it would change the
   * form (not so for sex and birth date while the form's number is valid: they follow it).
   */
  takable: boolean;
}

/** Spaces (full-width too) do not make a difference; case does not for the ID's X. */
const same = (a: string, b: string) =>
  a.replace(/[\s\u3000]+/g, '').toUpperCase() === b.replace(/[\s\u3000]+/g, '').toUpperCase();

export function compareCard(card: IdCardReading, member: MemberDraft): ComparisonRow[] {
  // A valid number's sex and birth date are what the form shows and saves (the ID wins).
  const fromId = residentIdFacts(member.idNumber);
  const formValues: Record<ComparedField, string | null> = {
    name: member.name,
    idNumber: member.idNumber,
    sex: fromId?.sex ?? member.sex,
    birthDate: fromId?.birthDate ?? member.birthDate,
    // The card's 住址 is the registered (户籍) address.
    address: member.hukouAddress,
    // The registry keeps no 民族: shown for the user's eyes only.
    nation: null,
  };
  return comparedFields.map((field) => {
    const cardValue = card[field];
    const form = formValues[field];
    const equal = form !== null && same(form, cardValue);
    // With a valid number in the form, sex and birth date follow it: taking the card's
    // number changes them; taking them alone could not.
    const followsNumber = fromId !== null && (field === 'sex' || field === 'birthDate');
    return {
      field,
      card: cardValue,
      form,
      differs: form !== null && form.trim() !== '' && !equal,
      takable: form !== null && !equal && !followsNumber,
    };
  });
}

/** The form with the card's values of `fields` taken (the others untouched). */
export function takeFromCard(
  member: MemberDraft,
  card: IdCardReading,
  fields: readonly TakableField[],
  today: string,
): MemberDraft {
  let next = member;
  // The number first: it refills sex and birth date that were empty or came from it.
  if (fields.includes('idNumber')) next = withIdNumber(next, card.idNumber, today);
  if (fields.includes('name')) next = { ...next, name: card.name };
  if (fields.includes('sex')) next = { ...next, sex: card.sex, sexFromId: false };
  if (fields.includes('birthDate')) {
    next = { ...next, birthDate: card.birthDate, birthFromId: false };
  }
  if (fields.includes('address')) next = { ...next, hukouAddress: card.address };
  return next;
}

/** Every field where taking the card's value would change the form. */
export function takableFields(rows: readonly ComparisonRow[]): TakableField[] {
  return rows.filter((r) => r.takable && r.field !== 'nation').map((r) => r.field as TakableField);
}
