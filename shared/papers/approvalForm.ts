/**
 * 审批表 of a case: the application as saved (household, covered members, income,
 * assets), the benefit computation with its parts, every step (who, role, when, opinion
 * or reason) and the opinions the signature boxes quote (township 初审, the decision).
 * An internal file for the case folder and the county: the members' full ID numbers are
 * printed, so printing it is logged (renderer: db/repositories/papers/paperLog.ts).
 */
import type { BenefitSnapshot, MonthlyIncomeData, AssetsData } from '../domain/assistanceCase';
import type { Relation } from '../domain/household';
import { paperNumber, stepsInOrder } from './caseSteps';
import { decisionStep, townshipOpinionStep } from './decisions';
import type { PaperCase, PaperEvent, PaperHousehold, PaperOffice, PaperPerson } from './types';

export interface ApprovalMember {
  personId: string;
  name: string;
  relation: Relation | null;
  sex: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  workCapacity: PaperPerson['workCapacity'];
}

export interface ApprovalFormPaper {
  kind: 'approvalForm';
  number: string;
  officeName: string;
  programme: string;
  status: string;
  applicantName: string;
  category: 'urban' | 'rural';
  areaCode: string;
  village: string;
  address: string;
  applicationDate: string;
  members: ApprovalMember[];
  income: MonthlyIncomeData;
  incomeTotalFen: number;
  deductionsFen: number;
  assets: AssetsData;
  benefit: BenefitSnapshot;
  paymentFrom: string | null;
  steps: PaperEvent[];
  townshipOpinion: PaperEvent | null;
  decision: PaperEvent | null;
}

export function buildApprovalForm(input: {
  record: PaperCase;
  household: PaperHousehold | null;
  persons: readonly PaperPerson[];
  events: readonly PaperEvent[];
  office: PaperOffice;
}): ApprovalFormPaper {
  const { record, household } = input;
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  const relations = new Map(household?.members.map((m) => [m.personId, m.relation]) ?? []);
  const members = record.coveredPersonIds.flatMap((id): ApprovalMember[] => {
    const p = persons.get(id);
    if (!p) return [];
    return [
      {
        personId: id,
        name: p.name,
        relation: relations.get(id) ?? null,
        sex: p.sex,
        birthDate: p.birthDate,
        idNumber: p.idNumber,
        workCapacity: p.workCapacity,
      },
    ];
  });
  const i = record.income;
  return {
    kind: 'approvalForm',
    number: paperNumber('SPB', record.applicationDate, record.id),
    officeName: input.office.officeName,
    programme: record.programme,
    status: record.status,
    applicantName: record.applicantName,
    category: record.category,
    areaCode: record.areaCode,
    village: household?.villageName ?? '',
    address: household?.address ?? '',
    applicationDate: record.applicationDate,
    members,
    income: i,
    incomeTotalFen: i.wagesFen + i.businessFen + i.propertyFen + i.transferFen,
    deductionsFen: record.deductionsFen,
    assets: record.assets,
    benefit: record.benefit,
    paymentFrom: record.paymentFrom,
    steps: stepsInOrder(input.events),
    townshipOpinion: townshipOpinionStep(record.programme, input.events),
    decision: decisionStep(record.programme, input.events),
  };
}
