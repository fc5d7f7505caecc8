/**
 * 户籍登记表: a household as the registry keeps it — its facts (address, village, 户口性质,
 * area code, the head and the head's phone), every member with the relation to the head,
 * sex, birth date, ID number, disability, work capacity, illness and student status,
 * and the household's monthly income lines as its newest case recorded them (the
 * registry keeps income on the case, not on the person). Signature and date boxes for
 * the applicant and the registrar are the paper's own.
 *
 * An internal file: members' full ID numbers are printed, so the renderer shows them
 * masked and prints them only through the logged output (as the 审批表 does).
 */
import type { AssistanceCaseData, MonthlyIncomeData } from '../domain/assistanceCase';
import type { HouseholdData, Relation } from '../domain/household';
import type { PersonData } from '../domain/person';

export type FormHousehold = Pick<
  HouseholdData,
  'headPersonId' | 'headName' | 'members' | 'areaCode' | 'hukouType' | 'villageName' | 'address'
> & { id: string };

export type FormPerson = Pick<
  PersonData,
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'sex'
  | 'birthDate'
  | 'phone'
  | 'disabilityGrade'
  | 'disabilityType'
  | 'seriousIllness'
  | 'workCapacity'
  | 'student'
> & { id: string };

export interface HouseholdFormMember {
  personId: string;
  name: string;
  relation: Relation;
  sex: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  disabilityGrade: number;
  disabilityType: FormPerson['disabilityType'];
  workCapacity: FormPerson['workCapacity'];
  seriousIllness: boolean;
  student: boolean;
}

export interface HouseholdFormIncome {
  caseId: string;
  programme: string;
  applicationDate: string;
  income: MonthlyIncomeData;
  totalFen: number;
}

export interface HouseholdFormPaper {
  kind: 'householdForm';
  officeName: string;
  householdId: string;
  headName: string;
  headIdNumber: string;
  headPhone: string;
  areaCode: string;
  hukouType: 'urban' | 'rural';
  village: string;
  address: string;
  members: HouseholdFormMember[];
  /** The newest live case's income lines; null when the household has no case. */
  income: HouseholdFormIncome | null;
}

export function buildHouseholdForm(input: {
  household: FormHousehold;
  persons: readonly FormPerson[];
  cases: readonly {
    id: string;
    data: Pick<AssistanceCaseData, 'programme' | 'applicationDate' | 'income'>;
  }[];
  officeName: string;
}): HouseholdFormPaper {
  const { household } = input;
  const persons = new Map(input.persons.map((p) => [p.id, p]));
  // The head first, then the members in the household's own order.
  const ordered = [
    ...household.members.filter((m) => m.relation === 'self'),
    ...household.members.filter((m) => m.relation !== 'self'),
  ];
  const members = ordered.flatMap((m): HouseholdFormMember[] => {
    const p = persons.get(m.personId);
    if (!p) return [];
    return [
      {
        personId: p.id,
        name: p.name,
        relation: m.relation,
        sex: p.sex,
        birthDate: p.birthDate,
        idNumber: p.idNumber,
        disabilityGrade: p.disabilityGrade,
        disabilityType: p.disabilityType,
        workCapacity: p.workCapacity,
        seriousIllness: p.seriousIllness,
        student: p.student,
      },
    ];
  });
  const head = persons.get(household.headPersonId);
  const newest = [...input.cases].sort((a, b) =>
    a.data.applicationDate === b.data.applicationDate
      ? a.id < b.id
        ? 1
        : -1
      : a.data.applicationDate < b.data.applicationDate
        ? 1
        : -1,
  )[0];
  const i = newest?.data.income;
  return {
    kind: 'householdForm',
    officeName: input.officeName,
    householdId: household.id,
    headName: household.headName,
    headIdNumber: head?.idNumber ?? '',
    headPhone: head?.phone ?? '',
    areaCode: household.areaCode,
    hukouType: household.hukouType,
    village: household.villageName,
    address: household.address,
    members,
    income:
      newest && i
        ? {
            caseId: newest.id,
            programme: newest.data.programme,
            applicationDate: newest.data.applicationDate,
            income: i,
            totalFen: i.wagesFen + i.businessFen + i.propertyFen + i.transferFen,
          }
        : null,
  };
}
