/**
 * A case keeps a copy of its applicant's name (lists and search need no join). When the
 * registry corrects the person, the copy follows, whatever the case's status: a decided
 * case is the file and is never plain-edited, but a name that no longer matches the
 * person it names is not the file either. This is the one edit allowed past a decision,
 * and only this narrowly: the applicant's name set to the applicant's current name in
 * the registry, and nothing else but the search tokens (which whoever stores the case
 * derives again from the name, so the value sent is never taken on trust).
 */
const refreshFields = new Set(['applicantName', 'searchTokens']);

/**
 * Whether a case edit only brings `applicantName` to `currentName`, the applicant's name
 * in the registry now. `currentName` undefined (the person is not known to whoever
 * checks) never allows it.
 */
export function isApplicantNameRefresh(
  fields: Record<string, unknown>,
  currentName: string | undefined,
): boolean {
  return (
    currentName !== undefined &&
    fields.applicantName === currentName &&
    Object.keys(fields).every((f) => refreshFields.has(f))
  );
}
