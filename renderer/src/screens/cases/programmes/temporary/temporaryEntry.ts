import type { ProgrammeForm } from '../../programmeForms';
import { TemporaryCasePanel } from './TemporaryCasePanel';
import { TemporaryFields } from './TemporaryFields';
import { temporaryFormLogic } from './temporaryForm';

/** 临时救助's entry in programmeForms.ts. */
export const temporaryForm: ProgrammeForm = {
  ...temporaryFormLogic,
  Fields: TemporaryFields,
  CasePanel: TemporaryCasePanel,
};
