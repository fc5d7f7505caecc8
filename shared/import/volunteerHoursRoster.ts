import { addDays } from '../calendar/dates';
import { maxSpanMinutes } from '../domain/community/hours';
import { kindProblems } from './kindProblems';
import type { RosterDefinition } from './roster';
import { rowHead } from './rowHead';
import type { RosterColumn } from './types';

/**
 * 志愿服务时长名册: one row per stretch of service — the volunteer (by ID number or
 * volunteer number; both given must be the same volunteer, found in the dry run), the
 * day, the hours and what was done. Each row becomes the record the volunteer-hours
 * dialog writes (volunteerService), run through the same kind's schema and rules.
 */
export const volunteerHoursFields = [
  'name',
  'idNumber',
  'volunteerNumber',
  'serviceDate',
  'hours',
  'content',
  'notes',
] as const;
export type VolunteerHoursField = (typeof volunteerHoursFields)[number];

export const volunteerHoursColumns: readonly RosterColumn<VolunteerHoursField>[] = [
  { field: 'name', required: true, headings: ['姓名', '志愿者姓名'] },
  {
    field: 'idNumber',
    required: false,
    headings: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  },
  {
    field: 'volunteerNumber',
    required: false,
    headings: ['志愿者编号', '志愿者编码', '注册编号', '志愿者证号'],
  },
  {
    field: 'serviceDate',
    required: true,
    headings: ['服务日期', '服务时间', '活动日期', '日期'],
  },
  {
    field: 'hours',
    required: true,
    headings: ['服务时长(小时)', '服务时长', '时长(小时)', '服务小时数', '时长'],
  },
  {
    field: 'content',
    required: true,
    headings: ['服务内容/活动', '服务内容', '活动名称', '活动', '服务项目'],
  },
  { field: 'notes', required: false, headings: ['备注'] },
];

/**
 * A roster gives the day and the hours, not the clock: the record starts at 08:00 of
 * that day and ends the hours later (a span of at most a day, as the dialog allows).
 */
export const rosterStartTime = '08:00';

/** The service a row records, but for the volunteer (the dry run's, by ID or number). */
export interface VolunteerHoursRow {
  name: string;
  idNumber: string;
  volunteerNumber: string;
  serviceDate: string;
  minutes: number;
  /** What was done; the 备注 follows it after "备注：" (the record has no notes field). */
  content: string;
  /** The activity name as the sheet wrote it: matched to the office's activity that day. */
  activity: string;
  startAt: string;
  endAt: string;
}

/** Hours as the sheet writes them (2, 2.5, 1.25) → whole minutes; > 0 and ≤ 24 hours. */
export function parseHoursCell(
  text: string,
): { ok: true; value: number } | { ok: false; code: string } {
  const t = text.trim().replace(/(小时|h)$/i, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { ok: false, code: 'import.hours_number' };
  const minutes = Math.round(Number(t) * 60);
  if (minutes <= 0 || minutes > maxSpanMinutes) return { ok: false, code: 'import.hours_range' };
  return { ok: true, value: minutes };
}

/** 'YYYY-MM-DD' at 08:00 plus `minutes`, as a local date-time ('YYYY-MM-DDTHH:MM'). */
export function rosterSpan(date: string, minutes: number): { startAt: string; endAt: string } {
  const [h, m] = rosterStartTime.split(':').map(Number) as [number, number];
  const end = h * 60 + m + minutes;
  const day = addDays(date, Math.floor(end / (24 * 60)));
  const rest = end % (24 * 60);
  const clock = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return { startAt: `${date}T${rosterStartTime}`, endAt: `${day}T${clock}` };
}

/** The key of "the same volunteer, day and activity" (file and store duplicates). */
export const serviceKey = (volunteerId: string, date: string, activity: string) =>
  `${volunteerId}|${date}|${activity.trim()}`;

export const volunteerHoursRoster: RosterDefinition<VolunteerHoursField, VolunteerHoursRow> = {
  type: 'volunteerHours',
  columns: volunteerHoursColumns,
  readRow(cells, row, today) {
    const { problems, error, id, date } = rowHead(volunteerHoursColumns, cells, row, today);
    if (!cells.idNumber && !cells.volunteerNumber) {
      error({ group: 'required', field: 'idNumber', code: 'import.volunteer_key_missing' });
    }
    const idNumber = id('idNumber');
    const serviceDate = date('serviceDate');
    let minutes = 0;
    if (cells.hours) {
      const hours = parseHoursCell(cells.hours);
      if (hours.ok) minutes = hours.value;
      else
        error({ group: 'value', field: 'hours', code: hours.code, params: { value: cells.hours } });
    }
    if (problems.length > 0) return { value: null, problems };
    const content = cells.notes ? `${cells.content}（备注：${cells.notes}）` : cells.content;
    const value: VolunteerHoursRow = {
      name: cells.name,
      idNumber,
      volunteerNumber: cells.volunteerNumber.toUpperCase(),
      serviceDate,
      minutes,
      content,
      activity: cells.content,
      ...rosterSpan(serviceDate, minutes),
    };
    // The volunteer-hours kind's own schema and rules (the volunteer is the dry run's).
    problems.push(
      ...kindProblems(
        'volunteerService',
        {
          volunteerId: 'registry',
          volunteerName: cells.name,
          activityId: null,
          activityName: '',
          content,
          place: '',
          startAt: value.startAt,
          endAt: value.endAt,
          travelMinutes: 0,
          serviceMinutes: 0,
          recordedBy: { userId: 'import', name: 'import', at: today },
          voided: false,
        },
        row,
        today,
      ),
    );
    return { value: problems.length === 0 ? value : null, problems };
  },
};
