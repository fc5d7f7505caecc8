import type { AbilityLevel, FundingCategory } from '../domain/elderlyCare/enums';
import {
  parseFundingCell,
  parseLevelCell,
  placePart,
  splitPlaceCell,
  type BedPlaceName,
} from './residentCells';
import { kindProblems } from './kindProblems';
import type { RosterDefinition } from './roster';
import { rowHead } from './rowHead';
import type { RosterColumn } from './types';

/**
 * 入住老人名册: one row per resident of a care home with the bed they are in. Each row
 * becomes an admission as the elderly-care area writes one from the board (a resident,
 * an admission assessment when a 护理等级 is given, an 'admit' movement into the bed and
 * its stay). The person must already be registered (found by ID number: import the
 * households roster first); the institution, building, room and bed must exist, named
 * as the elderly-care area names them (1号楼, 101, 2).
 */
export const residentFields = [
  'name',
  'idNumber',
  'institution',
  'building',
  'room',
  'bed',
  'admittedOn',
  'level',
  'assessor',
  'funding',
  'contactName',
  'contactRelation',
  'contactPhone',
  'notes',
] as const;
export type ResidentField = (typeof residentFields)[number];

export const residentColumns: readonly RosterColumn<ResidentField>[] = [
  { field: 'name', required: true, headings: ['姓名', '老人姓名'] },
  {
    field: 'idNumber',
    required: true,
    headings: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  },
  { field: 'institution', required: true, headings: ['机构', '机构名称', '养老机构', '敬老院'] },
  // Building and room may instead be written in the bed's cell: 「1号楼101室2床」.
  { field: 'building', required: false, headings: ['楼', '楼栋', '楼号', '楼宇'] },
  { field: 'room', required: false, headings: ['房间', '房间号', '房号'] },
  {
    field: 'bed',
    required: true,
    headings: ['床位', '床位号', '床号', '楼/房间/床位', '房间床位', '入住床位'],
  },
  { field: 'admittedOn', required: true, headings: ['入住日期', '入院日期', '入住时间'] },
  { field: 'level', required: false, headings: ['护理等级', '能力等级', '失能等级', '评估等级'] },
  { field: 'assessor', required: false, headings: ['评估人', '评估机构'] },
  {
    field: 'funding',
    required: true,
    headings: ['供养类型', '入住类型', '人员类别', '老人类别', '费用类型'],
  },
  { field: 'contactName', required: true, headings: ['紧急联系人', '联系人', '监护人'] },
  { field: 'contactRelation', required: false, headings: ['与老人关系', '联系人关系', '关系'] },
  {
    field: 'contactPhone',
    required: true,
    headings: ['紧急联系人电话', '联系电话', '联系人电话', '监护人电话'],
  },
  { field: 'notes', required: false, headings: ['备注'] },
];

/** The admission a row records, but for the person and bed ids (the dry run's). */
export interface ResidentRosterRow {
  name: string;
  idNumber: string;
  place: BedPlaceName;
  admittedOn: string;
  level: AbilityLevel | null;
  assessor: string;
  fundingCategory: FundingCategory;
  emergencyContact: { name: string; relation: string; phone: string };
  note: string;
}

/** The resident kind's paths as this roster's columns. */
const residentPaths: Record<string, ResidentField> = {
  'emergencyContact.name': 'contactName',
  'emergencyContact.relation': 'contactRelation',
  'emergencyContact.phone': 'contactPhone',
  note: 'notes',
  fundingCategory: 'funding',
  date: 'admittedOn',
};

/** Who the assessment names when the sheet gives a level but no assessor. */
export const rosterAssessor = '原名册';

export const residentRoster: RosterDefinition<ResidentField, ResidentRosterRow> = {
  type: 'residents',
  columns: residentColumns,
  readRow(cells, row, today) {
    const { problems, error, id, date } = rowHead(residentColumns, cells, row, today);
    const idNumber = id('idNumber');
    const admittedOn = date('admittedOn');
    let level: AbilityLevel | null = null;
    if (cells.level) {
      const parsed = parseLevelCell(cells.level);
      if (parsed.ok) level = parsed.value;
      else error({ group: 'value', field: 'level', code: parsed.code, params: parsed.params });
    }
    // Building and room: their own columns, or else all three in the bed's cell.
    let place = { building: cells.building, room: cells.room, bed: cells.bed };
    if (cells.bed && (!cells.building || !cells.room)) {
      const split = splitPlaceCell(cells.bed);
      if (split && !cells.building && !cells.room) place = split;
      else {
        const field = cells.building ? 'room' : 'building';
        error({
          group: 'required',
          field,
          code: 'import.place_parts',
          params: { value: cells.bed },
        });
      }
    }
    let fundingCategory: FundingCategory = 'self_paying';
    if (cells.funding) {
      const parsed = parseFundingCell(cells.funding);
      if (parsed.ok) fundingCategory = parsed.value;
      else error({ group: 'value', field: 'funding', code: parsed.code, params: parsed.params });
    }
    if (problems.length > 0) return { value: null, problems };
    const value: ResidentRosterRow = {
      name: cells.name,
      idNumber,
      place: {
        institution: cells.institution.trim(),
        building: placePart(place.building, 'building'),
        room: placePart(place.room, 'room'),
        bed: placePart(place.bed, 'bed'),
      },
      admittedOn,
      level,
      assessor: cells.assessor || rosterAssessor,
      fundingCategory,
      emergencyContact: {
        name: cells.contactName,
        relation: cells.contactRelation,
        phone: cells.contactPhone,
      },
      note: cells.notes,
    };
    // The resident kind's own schema (the phone, the lengths); sex and birth are the registry's.
    const resident = {
      personId: 'registry',
      personName: cells.name,
      sex: 'male' as const,
      birthDate: '1950-01-01',
      fundingCategory,
      emergencyContact: value.emergencyContact,
      note: value.note,
      searchTokens: [],
    };
    problems.push(
      ...kindProblems('elderlyResident', resident, row, today).map((p) => ({
        ...p,
        field: p.field ? (residentPaths[p.field] ?? p.field) : p.field,
      })),
    );
    if (level) {
      const assessment = {
        residentId: 'registry',
        date: admittedOn,
        assessor: value.assessor,
        level,
        reason: 'admission' as const,
        note: '',
      };
      problems.push(...kindProblems('elderlyAssessment', assessment, row, today));
    }
    return { value: problems.length === 0 ? value : null, problems };
  },
};
