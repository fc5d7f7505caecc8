import type { ProgrammeForm } from '../../programmeForms';
import { todayDate } from '../../../common/labels';
import { TekunFields } from './TekunFields';
import { TekunSummary } from './TekunSummary';
import {
  adoptTekunDraft,
  emptyTekunDraft,
  tekunDraftIssues,
  tekunDraftOf,
  tekunFactsOf,
  type TekunDraft,
} from './tekunDraft';

const asDraft = (facts: Record<string, unknown>) => facts as unknown as TekunDraft;
const asFacts = (draft: TekunDraft) => draft as unknown as Record<string, unknown>;

/** 特困's entry in the case form's programme slot (programmeForms.ts). */
export const tekunForm: ProgrammeForm = {
  emptyFacts: () => asFacts(emptyTekunDraft(todayDate())),
  fromCase: (facts) => asFacts(tekunDraftOf(facts, todayDate())),
  adopt: (stored) => asFacts(adoptTekunDraft(stored, todayDate())),
  Fields: TekunFields,
  CasePanel: TekunSummary,
  localIssues: (facts) => tekunDraftIssues(asDraft(facts), todayDate()),
  toFacts: (facts) => tekunFactsOf(asDraft(facts)) as unknown as Record<string, unknown>,
};
