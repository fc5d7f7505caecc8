import type { ComponentType } from 'react';
import type { Programme } from '@shared/domain/assistanceCase';
import type { FieldError } from '@shared/errors/appError';
import type { AssistanceCase } from '../../db/repositories/cases';
import type { HouseholdWithMembers } from '../../db/repositories/households';
import { dibaoForm } from './programmes/dibao/dibaoForm';
import { temporaryForm } from './programmes/temporary/temporaryEntry';
import { tekunForm } from './programmes/tekun/tekunForm';

/** What a programme's own form fields receive (paths of errors: `programmeFacts.<field>`). */
export interface ProgrammeFieldsProps {
  /** The programme's facts as the form holds them (typed text stays text until saving). */
  facts: Record<string, unknown>;
  onChange: (patch: Record<string, unknown>) => void;
  errorFor: (path: string) => string | undefined;
  household: HouseholdWithMembers | null;
  applicantPersonId: string;
  coveredPersonIds: readonly string[];
  today: string;
}

/**
 * The renderer's half of a programme module (the shared half is shared/programmes/<id>):
 * the fields its application adds to the shared ones (household, members, income,
 * assets — shown as the module's formSections say), how typed values become its
 * `programmeFacts`, and what it checks before saving. A new programme adds its entry
 * here, its component under programmes/<id>/, and nothing else in the case screens.
 */
export interface ProgrammeForm {
  emptyFacts(): Record<string, unknown>;
  /** A saved case's facts as the form shows them (for a correction). */
  fromCase(facts: Record<string, unknown>): Record<string, unknown>;
  /** A stored draft's facts, field by field, so a draft from an older form still opens. */
  adopt(stored: unknown): Record<string, unknown>;
  Fields: ComponentType<ProgrammeFieldsProps> | null;
  /** The programme's own facts and dates on the case screen (absent: none). */
  CasePanel?: ComponentType<{ record: AssistanceCase; today: string }>;
  /** Problems visible before saving, with the write path's paths. */
  localIssues(facts: Record<string, unknown>): FieldError[];
  /** The facts as saved; called once localIssues found nothing. */
  toFacts(facts: Record<string, unknown>): Record<string, unknown>;
}

export const programmeForms: Record<Programme, ProgrammeForm> = {
  dibao: dibaoForm,
  tekun: tekunForm,
  temporary: temporaryForm,
};
