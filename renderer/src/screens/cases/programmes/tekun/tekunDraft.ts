/**
 * The 特困 part of the application form as typed, and its facts: every field of
 * `programmeFacts` (shared/programmes/tekun/facts.ts) with the paths the write path and
 * HQ report, so an error from either lands on its field. The care level is not typed: it
 * is what the six items give under the rule in force on the assessment date.
 */
import { isIsoDate } from '@shared/calendar/dates';
import type { FieldError } from '@shared/errors/appError';
import type { RuleBook } from '@shared/programmes/ruleBook';
import {
  selfCareItems,
  type CareLevel,
  type EligibilityBasis,
  type SelfCareItem,
  type TekunFacts,
} from '@shared/programmes/tekun/facts';
import { assessedCareLevel } from '@shared/programmes/tekun/selfCare';
import { phoneProblem } from '@shared/validation/phone';

export interface TekunDraft {
  basis: EligibilityBasis;
  noWorkCapacity: boolean;
  noIncomeSource: boolean;
  supporterStatus: 'none' | 'unable';
  supporterNote: string;
  assessedOn: string;
  items: Record<SelfCareItem, 'able' | 'unable'>;
  /** Kept by the fields as the items give it under the desk's rule book (liveLevel). */
  level: CareLevel;
  supportForm: 'institution' | 'home';
  residentId: string;
  carerName: string;
  carerPhone: string;
  agreementDate: string;
  /**
   * What the fields found reading the registry and elderly care for the applicant
   * (eligibility, the resident's stay): refused before saving like the form's own checks.
   */
  readIssues: FieldError[];
}

export function emptyTekunDraft(today: string): TekunDraft {
  return {
    basis: 'elderly',
    noWorkCapacity: false,
    noIncomeSource: false,
    supporterStatus: 'none',
    supporterNote: '',
    assessedOn: today,
    items: Object.fromEntries(selfCareItems.map((i) => [i, 'able'])) as TekunDraft['items'],
    level: 'able',
    supportForm: 'home',
    residentId: '',
    carerName: '',
    carerPhone: '',
    agreementDate: '',
    readIssues: [],
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/** A stored case's facts (or a stored draft's) as the form's values, field by field. */
export function tekunDraftOf(facts: unknown, today: string): TekunDraft {
  const f = record(facts);
  const base = emptyTekunDraft(today);
  const selfCare = record(f.selfCare);
  const items = record(selfCare.items);
  const supporter = record(f.supporter);
  const support = record(f.support);
  return {
    basis: f.basis === 'disabled' || f.basis === 'minor' ? f.basis : 'elderly',
    noWorkCapacity: f.noWorkCapacity === true,
    noIncomeSource: f.noIncomeSource === true,
    supporterStatus: supporter.status === 'unable' ? 'unable' : 'none',
    supporterNote: text(supporter.note),
    assessedOn: text(selfCare.assessedOn) || base.assessedOn,
    items: Object.fromEntries(
      selfCareItems.map((i) => [i, items[i] === 'unable' ? 'unable' : 'able']),
    ) as TekunDraft['items'],
    level: levelOf(selfCare.level),
    supportForm: support.form === 'institution' ? 'institution' : 'home',
    residentId: text(support.residentId),
    carerName: text(support.carerName),
    carerPhone: text(support.carerPhone),
    agreementDate: text(support.agreementDate),
    readIssues: [],
  };
}

const levelOf = (v: unknown): CareLevel => (v === 'partly' || v === 'fully' ? v : 'able');

/** A stored draft (the form's own shape), field by field; what does not fit starts empty. */
export function adoptTekunDraft(stored: unknown, today: string): TekunDraft {
  const s = record(stored);
  const base = emptyTekunDraft(today);
  return tekunDraftOf(
    {
      basis: s.basis,
      noWorkCapacity: s.noWorkCapacity,
      noIncomeSource: s.noIncomeSource,
      supporter: { status: s.supporterStatus, note: s.supporterNote },
      selfCare: {
        assessedOn: text(s.assessedOn) || base.assessedOn,
        items: s.items,
        level: s.level,
      },
      support: {
        form: s.supportForm,
        residentId: s.residentId,
        carerName: s.carerName,
        carerPhone: s.carerPhone,
        agreementDate: s.agreementDate,
      },
    },
    today,
  );
}

/** The level the items give on the assessment date under `rules` (the fields keep it). */
export function liveLevel(draft: TekunDraft, rules: RuleBook, areaCode: string): CareLevel {
  return isIsoDate(draft.assessedOn)
    ? assessedCareLevel({ items: draft.items, assessedOn: draft.assessedOn }, rules, areaCode)
    : 'able';
}

/** The facts a case stores (the level as the fields keep it: liveLevel). */
export function tekunFactsOf(draft: TekunDraft): TekunFacts {
  const { level } = draft;
  return {
    basis: draft.basis,
    noWorkCapacity: draft.noWorkCapacity,
    noIncomeSource: draft.noIncomeSource,
    supporter: { status: draft.supporterStatus, note: draft.supporterNote.trim() },
    selfCare: { assessedOn: draft.assessedOn, items: draft.items, level },
    support:
      draft.supportForm === 'institution'
        ? { form: 'institution', residentId: draft.residentId }
        : {
            form: 'home',
            carerName: draft.carerName.trim(),
            carerPhone: draft.carerPhone.trim(),
            agreementDate: draft.agreementDate,
          },
  };
}

const at = (p: string) => `programmeFacts.${p}`;

/** The paths tekunDraftIssues judges from the typed values alone. */
export const locallyChecked: ReadonlySet<string> = new Set(
  [
    'noWorkCapacity',
    'noIncomeSource',
    'supporter.note',
    'selfCare.assessedOn',
    'support.residentId',
    'support.carerName',
    'support.carerPhone',
    'support.agreementDate',
  ].map(at),
);

/** What can be seen wrong before saving (the write path checks the same again). */
export function tekunDraftIssues(draft: TekunDraft, today: string): FieldError[] {
  const issues: FieldError[] = [...draft.readIssues];
  if (!draft.noWorkCapacity)
    issues.push({ path: at('noWorkCapacity'), code: 'tekun.work_capacity' });
  if (!draft.noIncomeSource)
    issues.push({ path: at('noIncomeSource'), code: 'tekun.income_source' });
  if (draft.supporterStatus === 'unable' && draft.supporterNote.trim() === '') {
    issues.push({ path: at('supporter.note'), code: 'tekun.supporter_note_required' });
  }
  const date = (value: string, path: string) => {
    if (!isIsoDate(value)) issues.push({ path: at(path), code: 'field.date' });
    else if (value > today) {
      issues.push({ path: at(path), code: 'date.in_future', params: { date: value, today } });
    }
  };
  date(draft.assessedOn, 'selfCare.assessedOn');
  if (draft.supportForm === 'institution') {
    if (draft.residentId === '') {
      issues.push({ path: at('support.residentId'), code: 'field.required' });
    }
  } else {
    if (draft.carerName.trim() === '') {
      issues.push({ path: at('support.carerName'), code: 'field.required' });
    }
    const phone = phoneProblem(draft.carerPhone.trim(), true);
    if (phone) issues.push({ path: at('support.carerPhone'), code: phone });
    date(draft.agreementDate, 'support.agreementDate');
  }
  return issues;
}
