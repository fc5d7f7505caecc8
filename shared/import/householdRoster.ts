import type { Relation } from '../domain/household';
import type { PersonData, PersonInput } from '../domain/person';
import { checkResidentId } from '../identity/residentId';
import type { UrbanRural } from '../domain/common';
import {
  idLostToNumberCell,
  parseDateCell,
  parseDisabilityGradeCell,
  parseDisabilityTypeCell,
  parseHukouCell,
  parseRelationCell,
  parseSexCell,
  parseWorkCapacityCell,
  parseYesNoCell,
  type CellResult,
} from './cells';
import { kindProblems } from './kindProblems';
import { emptyRequired, type RosterDefinition } from './roster';
import type { ProblemGroup, RosterColumn, RowProblem } from './types';

/**
 * 家庭及成员名册: one row per person, grouped into households by 户编号 when the sheet
 * has one, else by village and 户主姓名. Resident ID numbers only (the ID check runs
 * on each); the ID's birth date and sex win, as when a registrar types them.
 */
export const householdFields = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'relation',
  'headName',
  'householdNo',
  'village',
  'phone',
  'hukouType',
  'hukouAddress',
  'currentAddress',
  'disabilityGrade',
  'disabilityType',
  'workCapacity',
  'student',
] as const;
export type HouseholdField = (typeof householdFields)[number];

const column = (
  field: HouseholdField,
  required: boolean,
  headings: string[],
): RosterColumn<HouseholdField> => ({ field, required, headings });

export const householdColumns: readonly RosterColumn<HouseholdField>[] = [
  column('name', true, ['姓名', '成员姓名', '人员姓名', '家庭成员姓名', '家庭成员']),
  column('idNumber', true, ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证']),
  column('sex', false, ['性别']),
  column('birthDate', false, ['出生日期', '出生年月日', '出生年月']),
  column('relation', true, ['与户主关系', '与户主的关系', '家庭关系', '关系']),
  column('headName', true, ['户主姓名', '户主']),
  column('householdNo', false, ['户编号', '户号', '家庭编号']),
  column('village', false, ['村(社区)', '村名', '村', '社区', '村居', '所属村(社区)', '村(居)']),
  column('phone', false, ['联系电话', '电话', '手机', '手机号码', '联系方式']),
  column('hukouType', false, ['户口性质', '户籍性质', '户口类型', '城乡类别']),
  column('hukouAddress', false, ['户籍地址', '户籍所在地', '户口所在地']),
  column('currentAddress', false, ['现住址', '家庭住址', '住址', '居住地址', '家庭地址']),
  column('disabilityGrade', false, ['残疾等级']),
  column('disabilityType', false, ['残疾类别', '残疾类型']),
  column('workCapacity', false, ['劳动能力']),
  column('student', false, ['在校生', '是否在校生', '在校情况']),
];

/** One row as the person it registers, their place in the household, and its keys. */
export interface HouseholdRosterRow {
  person: Omit<PersonInput, 'householdId'>;
  relation: Relation;
  /** Rows with the same key are one household. */
  householdKey: string;
  village: string;
  hukouType: UrbanRural;
  address: string;
}

/** The value, or a problem added to the list and the fallback. */
function take<T>(
  result: CellResult<T>,
  fallback: T,
  problem: Omit<RowProblem, 'code' | 'params'>,
  problems: RowProblem[],
): T {
  if (result.ok) return result.value;
  problems.push({ ...problem, code: result.code, params: result.params });
  return fallback;
}

/** Rows with the same key are one household: 户编号, else village and 户主姓名. */
export function householdKeyOf(cells: Record<HouseholdField, string>): string {
  if (cells.householdNo) return `no:${cells.householdNo}`;
  return `head:${cells.village}|${cells.headName.replace(/\s+/g, '')}`;
}

/** The person's schema and rules, as the write path runs them (the ID check already spoke). */
function recordProblems(person: Omit<PersonInput, 'householdId'>, row: number, today: string) {
  const data = { ...person, householdId: null, searchTokens: [] } as PersonData;
  return kindProblems('person', data, row, today).filter((p) => !p.code.startsWith('id.'));
}

export const householdRoster: RosterDefinition<HouseholdField, HouseholdRosterRow> = {
  type: 'households',
  columns: householdColumns,
  readRow(cells, row, today) {
    const problems = emptyRequired(householdColumns, cells, row);
    const at = (field: HouseholdField, group: ProblemGroup = 'value') => ({
      row,
      field,
      group,
      severity: 'error' as const,
    });
    let idNumber = cells.idNumber.replace(/\s+/g, '').toUpperCase();
    let sex: 'male' | 'female' = 'male';
    let birthDate = '';
    if (cells.idNumber) {
      const id = checkResidentId(cells.idNumber, today);
      if (!id.ok) {
        problems.push({
          ...at('idNumber', 'bad_id'),
          // Excel kept the number as a number (last digits lost): say so, not just "checksum".
          code: idLostToNumberCell(cells.idNumber, id.error.code)
            ? 'import.id_as_number'
            : id.error.code,
          params: id.error.params,
        });
      } else {
        ({ normalized: idNumber, sex, birthDate } = id.value);
        for (const w of id.warnings) {
          problems.push({
            ...at('idNumber', 'bad_id'),
            code: w.code,
            params: w.params,
            severity: 'warning',
          });
        }
      }
    }
    if (cells.sex) {
      const typed = take(parseSexCell(cells.sex), sex, at('sex'), problems);
      if (birthDate && typed !== sex) {
        problems.push({ ...at('sex'), code: 'id.sex_mismatch', severity: 'warning' });
      }
    }
    if (cells.birthDate) {
      const typed = take(
        parseDateCell(cells.birthDate, today),
        birthDate,
        at('birthDate', 'date'),
        problems,
      );
      if (birthDate && typed && typed !== birthDate) {
        problems.push({
          ...at('birthDate', 'date'),
          code: 'id.birth_mismatch',
          severity: 'warning',
        });
      }
    }
    const relation = cells.relation
      ? take(parseRelationCell(cells.relation), 'other' as Relation, at('relation'), problems)
      : 'other';
    const hukouType = cells.hukouType
      ? take(parseHukouCell(cells.hukouType), 'rural' as UrbanRural, at('hukouType'), problems)
      : 'rural';
    const disabilityGrade = take(
      parseDisabilityGradeCell(cells.disabilityGrade),
      0,
      at('disabilityGrade'),
      problems,
    );
    const disabilityType = cells.disabilityType
      ? take(parseDisabilityTypeCell(cells.disabilityType), null, at('disabilityType'), problems)
      : null;
    const workCapacity = cells.workCapacity
      ? take(
          parseWorkCapacityCell(cells.workCapacity),
          'full' as const,
          at('workCapacity'),
          problems,
        )
      : 'full';
    const student = cells.student
      ? take(parseYesNoCell(cells.student), false, at('student'), problems)
      : false;
    const person: HouseholdRosterRow['person'] = {
      name: cells.name,
      idType: 'resident',
      idNumber,
      sex,
      birthDate,
      phone: cells.phone,
      hukouType,
      hukouAddress: cells.hukouAddress,
      currentAddress: cells.currentAddress,
      disabilityGrade,
      // A grade without a type is refused (person.disability_type_required), never guessed.
      disabilityType,
      disabilityCertNo: '',
      seriousIllness: false,
      illnessNote: '',
      workCapacity,
      student,
    };
    if (problems.every((p) => p.field !== 'idNumber' || p.severity !== 'error') && cells.name) {
      problems.push(...recordProblems(person, row, today));
    }
    const value = problems.some((p) => p.severity === 'error')
      ? null
      : {
          person,
          relation,
          householdKey: householdKeyOf(cells),
          village: cells.village,
          hukouType,
          address: cells.currentAddress || cells.hukouAddress,
        };
    return { value, problems };
  },
};
