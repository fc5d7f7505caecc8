import type { caseWorkZh } from '../zh-CN/caseWork';

/** 低保 case corrections, step dates, deadlines and destructive steps (issue 12). */
export const caseWorkEn: Record<keyof typeof caseWorkZh, string> = {
  'cases.correction.reason': 'Reason for the correction',
  'cases.correction.reasonHint':
    'The case is not overwritten: a correction makes a new version; the old version and this reason are kept in the case’s version history.',
  'workflow.step_before_application': 'The step’s date {day} is before the application date {date}',
  'workflow.step_before_step': 'The step’s date {day} is before the previous step’s date {date}',
  'case.application_after_step':
    'The application date cannot be after the date of a step already taken ({date})',
  'cases.case.lastDay': 'Today is the last day of the time limit',
  'cases.case.destructive': 'Steps that close the case',
  'cases.confirm.withdraw':
    'After the applicant withdraws, the case is closed (withdrawn) and cannot go on; a new application is needed for assistance.',
  'cases.confirm.deny':
    'After a refusal the case is closed; the applicant must be told the reasons in writing.',
  'cases.confirm.deny_at_township':
    'After a refusal the case is closed; the applicant must be told the reasons in writing.',
  'cases.confirm.terminate':
    'After termination the case is closed and payments stop; it cannot be resumed.',
  'cases.confirm.button': 'Confirm: {action}',
  'cases.history.field.applicantName': 'Applicant',
  'cases.history.field.category': 'Category',
  'cases.history.field.areaCode': 'Area code',
  'cases.history.field.coveredPersonIds': 'Covered persons',
  'cases.history.field.income.wagesFen': 'Wages',
  'cases.history.field.income.businessFen': 'Net business income',
  'cases.history.field.income.propertyFen': 'Net property income',
  'cases.history.field.income.transferFen': 'Net transfer income',
  'cases.history.field.deductionsFen': 'Deductions',
  'cases.history.field.assets.depositsFen': 'Deposits',
  'cases.history.field.assets.securitiesFen': 'Securities',
  'cases.history.field.assets.vehicles': 'Vehicles',
  'cases.history.field.assets.extraHousingUnits': 'Other housing',
  'cases.history.field.assets.note': 'Assets note',
  'cases.history.field.applicationDate': 'Application date',
  'cases.history.field.benefit.benefitFen': 'Monthly benefit',
  'cases.history.field.status': 'Status',
  'cases.history.field.acceptedOn': 'Accepted on',
  'cases.history.field.noticeEnd': 'Notice ends',
  'cases.history.field.decisionDue': 'Decision due',
  'cases.history.persons': '{count} persons',
};
