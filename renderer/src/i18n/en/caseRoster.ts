import type { caseRosterZh } from '../zh-CN/caseRoster';

export const caseRosterEn: Record<keyof typeof caseRosterZh, string> = {
  'import.type.cases':
    'Active cases with amounts (a row per household, registered; in the county’s enrolment window)',
  'import.example.cases':
    'Example heading row (the household is found by its head’s ID number — import the households roster first; the amount is computed again under the current standard, differences are listed):',
  'import.commit.cases': 'Enrol {cases} households as active cases',
  'import.done.cases':
    'Import complete: {cases} households enrolled as active, amounts computed under the current standard.',
  'import.open.cases': 'Open cases',
  'import.group.window': 'Enrolment window',
  'import.group.open_case': 'Case already open',
  'import.group.amount': 'Amount',
  'import.field.headName': 'Head’s name',
  'import.field.headIdNumber': 'Head’s ID number',
  'import.field.programme': 'Programme',
  'import.field.coveredCount': 'Persons covered',
  'import.field.coveredIds': 'Covered persons’ ID numbers',
  'import.field.incomeYuan': 'Monthly income',
  'import.field.amountYuan': 'Monthly amount',
  'import.field.paymentFrom': 'Paid from (month)',
  'import.field.decidedOn': 'Approved on',
  'import.programme': 'Programme “{value}” not recognised (低保 or 特困)',
  'import.month_format': '“{value}” is not a month: write 2026-12 or 2026年12月',
  'import.covered_count': 'Persons covered “{value}” must be a whole number from 1 to 30',
  'import.income_per_member':
    'Monthly income has {incomes} figures but {persons} persons are listed: one figure per person',
  'import.case_no_household':
    'This person is in no household yet: import the households roster first',
  'import.case_not_head': '{name} is not the head (the head is {head}): give the head’s ID number',
  'import.case_tekun_by_hand':
    '{name} is a 特困 person: support form and self-care assessment are recorded one by one; this roster enrols 低保 only — open a 特困 application instead',
  'import.covered_not_member': 'Covered person {idNumber} is not a member of {head}’s household',
  'import.covered_count_differs':
    'Persons covered {count} differs from the {members} covered: list their ID numbers',
  'import.duplicate_covered': 'This covered person is already on row {firstRow}',
  'import.case_open': '{name}’s household has an open case already ({programme}, {status})',
  'import.enrol_window_was':
    'The enrolment window is closed: today {today} is outside the county’s window ({from} to {to})',
  'import.enrol_window_none':
    'The county has not opened an enrolment window (today {today}): ask the county to open it under 政策参数',
  'import.amount_differs':
    'Roster amount {sheet} yuan, computed under the current standard {computed} yuan: the computed amount is paid',
  'enrol.window_closed': '{day} is outside the county’s enrolment window',
  'enrol.payment_from': 'Paid-from month “{value}” is not a month',
  'enrol.payment_before_window':
    'Paid-from month {paymentFrom} is before the enrolment window (from {windowFrom}): the earliest is {first}',
  'enrol.payment_too_late':
    'Paid-from month {paymentFrom} is too late: next month ({last}) at the latest',
  'cases.action.enrol_from_roster': 'Enrol from roster',
};
