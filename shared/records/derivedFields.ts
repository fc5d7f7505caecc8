/**
 * Search keys every kind that has them derives from its other fields on every write,
 * at the desk and at HQ (the kinds' `derive`): the name's tokens and the ID number's
 * tails. Two desks changing a name or an ID at once conflict on that field, which people
 * decide; the keys follow whatever the field ends as, so a conflict on them would only
 * ask people to decide twice, in words they cannot read.
 */
const searchKeys = new Set(['searchTokens', 'idTails']);

export function isDerivedSearchKey(field: string): boolean {
  return searchKeys.has(field);
}
