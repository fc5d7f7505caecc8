import type { VolunteerData } from '../domain/community/volunteer';
import { kindProblems } from './kindProblems';
import type { RosterDefinition } from './roster';
import { rowHead } from './rowHead';
import type { RosterColumn } from './types';

/**
 * 志愿者名册: one row per volunteer, who must already be a registered person (found by
 * ID number in the dry run): the volunteer registration system's number, the date they
 * joined and their skills (separated by 、，, ; or spaces).
 */
export const volunteerFields = [
  'name',
  'idNumber',
  'volunteerNumber',
  'joinedOn',
  'skills',
  'notes',
] as const;
export type VolunteerField = (typeof volunteerFields)[number];

export const volunteerColumns: readonly RosterColumn<VolunteerField>[] = [
  { field: 'name', required: true, headings: ['姓名', '志愿者姓名'] },
  {
    field: 'idNumber',
    required: true,
    headings: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  },
  {
    field: 'volunteerNumber',
    required: true,
    headings: ['志愿者编号', '志愿者编码', '注册编号', '志愿者证号'],
  },
  { field: 'joinedOn', required: true, headings: ['加入日期', '注册日期', '注册时间', '入队日期'] },
  { field: 'skills', required: false, headings: ['服务技能', '技能', '特长', '专长'] },
  { field: 'notes', required: false, headings: ['备注'] },
];

/** The volunteer a row registers, but for the person's id (the registry's, by ID number). */
export interface VolunteerRosterRow {
  idNumber: string;
  volunteer: Omit<VolunteerData, 'personId' | 'searchTokens'>;
}

export const volunteerRoster: RosterDefinition<VolunteerField, VolunteerRosterRow> = {
  type: 'volunteers',
  columns: volunteerColumns,
  readRow(cells, row, today) {
    const { problems, id, date } = rowHead(volunteerColumns, cells, row, today);
    const idNumber = id('idNumber');
    const joinedOn = date('joinedOn');
    const volunteer = {
      name: cells.name,
      volunteerNumber: cells.volunteerNumber,
      skills: cells.skills.split(/[、，,;；\s]+/).filter(Boolean),
      joinedOn,
      notes: cells.notes,
    };
    if (problems.length === 0) {
      // The volunteer kind's own schema and rules (the person's id is the dry run's).
      const data = { ...volunteer, personId: 'registry', searchTokens: [] };
      problems.push(...kindProblems('volunteer', data, row, today));
    }
    return { value: problems.length === 0 ? { idNumber, volunteer } : null, problems };
  },
};
