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

/**
 * The office's own papers, printed outside a case's 打印 menu (issue #15 item 3): a
 * household's 户籍登记表, a programme's 花名册 for a month, the office's 月度统计. A
 * paper log names them as it names a case's papers (PaperKind).
 */
export const officePaperKinds = ['householdForm', 'roster', 'monthlyFigures'] as const;
export type OfficePaperKind = (typeof officePaperKinds)[number];
