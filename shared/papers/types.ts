/**
 * What the papers are built from: the records as the desk stores them (and HQ holds
 * them), reduced to the fields a paper may read. Pure data, so the same builders run at
 * the desk, in a Node test and (should HQ ever print) at HQ.
 */
import type { AssistanceCaseData } from '../domain/assistanceCase';
import type { CaseEventData } from '../domain/caseEvent';
import type { HouseholdData } from '../domain/household';
import type { PersonData } from '../domain/person';

export type PaperCase = AssistanceCaseData & { id: string };

export type PaperHousehold = Pick<
  HouseholdData,
  'headPersonId' | 'headName' | 'members' | 'villageName' | 'address'
> & { id: string };

export type PaperPerson = Pick<
  PersonData,
  'name' | 'idType' | 'idNumber' | 'sex' | 'birthDate' | 'workCapacity'
> & { id: string };

export type PaperEvent = Pick<
  CaseEventData,
  'action' | 'from' | 'to' | 'actorName' | 'actorRole' | 'at' | 'opinion' | 'reason'
>;

/** The office that prints (its name from the office settings). */
export interface PaperOffice {
  officeName: string;
}
