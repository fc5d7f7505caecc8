import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import type { FieldError } from '@shared/errors/appError';
import { eligibilityIssues } from '@shared/programmes/tekun/eligibility';
import { loadRuleBook } from '../../../../db/repositories/reference';
import { tekunApplicantFacts } from '../../../../db/repositories/tekunApplicant';
import { useT } from '../../../../i18n/useT';
import { useSession } from '../../../../state/session';
import type { ProgrammeFieldsProps } from '../../programmeForms';
import { EligibilityFields } from './EligibilityFields';
import { SelfCareFields } from './SelfCareFields';
import { SupportFields } from './SupportFields';
import { liveLevel, locallyChecked, tekunDraftIssues, type TekunDraft } from './tekunDraft';

/**
 * The 特困 part of the application: eligibility, the six-item self-care assessment with
 * the level it gives under the desk's rules (kept in the draft as it changes), and the
 * support form. It reads the applicant from the registry and elderly care and keeps what
 * it finds wrong there (`readIssues`) so the form refuses to save it, as HQ would.
 */
export function TekunFields(props: ProgrammeFieldsProps) {
  const { t, fieldError } = useT();
  const db = useSession((s) => s.db);
  const draft = props.facts as unknown as TekunDraft;
  const onChange = props.onChange as (patch: Partial<TekunDraft>) => void;
  const areaCode = props.household?.household.areaCode ?? '';
  const date = props.today;
  const rules = useLiveQuery(() => loadRuleBook(db), [db]);
  const applicant = useLiveQuery(
    () => tekunApplicantFacts(db, props.applicantPersonId, date),
    [db, props.applicantPersonId, date],
  );

  const level = rules ? liveLevel(draft, rules, areaCode) : draft.level;
  const read: FieldError[] = [];
  if (rules && applicant?.person) {
    read.push(...eligibilityIssues(draft.basis, applicant.person, date, rules, areaCode));
  }
  if (applicant && draft.supportForm === 'institution' && applicant.resident?.staying === false) {
    read.push({
      path: 'programmeFacts.support.residentId',
      code: 'tekun.resident_not_staying',
      params: { date },
    });
  } else if (applicant && draft.supportForm === 'institution' && !applicant.resident) {
    read.push({ path: 'programmeFacts.support.residentId', code: 'tekun.resident_unknown' });
  }
  const residentId =
    draft.supportForm === 'institution'
      ? (applicant?.resident?.residentId ?? '')
      : draft.residentId;
  const readKey = JSON.stringify(read);
  // Keep the level, the resident and the registry's verdict in the draft (what is saved).
  useEffect(() => {
    const patch: Partial<TekunDraft> = {};
    if (level !== draft.level) patch.level = level;
    if (residentId !== draft.residentId) patch.residentId = residentId;
    if (readKey !== JSON.stringify(draft.readIssues ?? [])) {
      patch.readIssues = JSON.parse(readKey) as FieldError[];
    }
    if (Object.keys(patch).length > 0) onChange(patch);
  }, [level, residentId, readKey, draft.level, draft.residentId, draft.readIssues, onChange]);

  // A save's error on a field the form checks itself follows the field as it is edited
  // (gone once fixed); what the registry says shows at once; the rest as the save said.
  const live = tekunDraftIssues({ ...draft, readIssues: [] }, props.today);
  const errorFor = (path: string) => {
    const found = read.find((i) => i.path === path);
    if (found) return fieldError(found);
    const saved = props.errorFor(path);
    if (saved === undefined || !locallyChecked.has(path)) return saved;
    const now = live.find((i) => i.path === path);
    return now ? fieldError(now) : undefined;
  };
  const onlyApplicant =
    props.coveredPersonIds.length === 1 && props.coveredPersonIds[0] === props.applicantPersonId;

  return (
    <Stack spacing={2} divider={<Divider flexItem />}>
      {!onlyApplicant && props.applicantPersonId !== '' && (
        <Alert severity="warning" data-testid="tekun-applicant-only">
          {t('tekun.form.applicantOnly')}
        </Alert>
      )}
      <EligibilityFields
        draft={draft}
        applicant={applicant}
        applicationDate={date}
        onChange={onChange}
        errorFor={errorFor}
      />
      <SelfCareFields
        draft={{ ...draft, level }}
        today={props.today}
        onChange={onChange}
        errorFor={errorFor}
      />
      <SupportFields
        draft={draft}
        resident={applicant ? applicant.resident : undefined}
        today={props.today}
        onChange={onChange}
        errorFor={errorFor}
      />
    </Stack>
  );
}
