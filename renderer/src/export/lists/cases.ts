import type { AssistanceCase } from '../../db/repositories/cases';
import type { Person } from '../../db/repositories/persons';
import type { ListDefinition } from '../listDefinition';
import { zh } from '../zhWords';

export interface CaseRow {
  assistanceCase: AssistanceCase;
  applicant: Person | undefined;
}

const areaOf = (c: AssistanceCase) =>
  c.programme === 'dibao'
    ? zh(`cases.category.${c.category}`)
    : zh(`programme.area.${c.category}`, c.category);

export const casesList: ListDefinition<CaseRow> = {
  id: 'cases',
  title: '救助案件名单',
  columns: [
    {
      header: '项目',
      type: 'text',
      cell: (r) => zh(`programme.short.${r.assistanceCase.programme}`, r.assistanceCase.programme),
      width: 10,
    },
    { header: '申请人', type: 'text', cell: (r) => r.assistanceCase.applicantName, width: 10 },
    { header: '申请人身份证号码', type: 'idNumber', cell: (r) => r.applicant?.idNumber },
    { header: '联系电话', type: 'phone', cell: (r) => r.applicant?.phone },
    { header: '类别', type: 'text', cell: (r) => areaOf(r.assistanceCase), width: 10 },
    {
      header: '状态',
      type: 'text',
      cell: (r) => zh(`cases.status.${r.assistanceCase.status}`, r.assistanceCase.status),
    },
    { header: '申请日期', type: 'date', cell: (r) => r.assistanceCase.applicationDate },
    { header: '保障人数', type: 'count', cell: (r) => r.assistanceCase.coveredPersonIds.length },
    { header: '月救助金额（元）', type: 'money', cell: (r) => r.assistanceCase.benefit.benefitFen },
    { header: '决定日期', type: 'date', cell: (r) => r.assistanceCase.decidedOn },
    { header: '发放起始月', type: 'date', cell: (r) => r.assistanceCase.paymentFrom },
    { header: '发放终止月', type: 'date', cell: (r) => r.assistanceCase.paymentTo },
    { header: '办理期限', type: 'date', cell: (r) => r.assistanceCase.decisionDue },
  ],
};
