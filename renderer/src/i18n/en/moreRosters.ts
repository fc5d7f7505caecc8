import type { moreRostersZh } from '../zh-CN/moreRosters';

export const moreRostersEn: Record<keyof typeof moreRostersZh, string> = {
  'import.type.volunteerHours': "Volunteers' hours (one row per service, volunteer registered)",
  'import.example.volunteerHours':
    'Example headings (the first row is the headings; the volunteer is found by volunteer number or ID number; hours as a number, e.g. 2.5):',
  'import.commit.volunteerHours': 'Record {services} services',
  'import.done.volunteerHours': 'Imported: {services} services recorded, {hours} hours in all.',
  'import.field.serviceDate': 'Service date',
  'import.field.hours': 'Hours',
  'import.field.content': 'Service / activity',
  'import.volunteer_key_missing': 'Give the volunteer number or the ID number',
  'import.not_volunteer':
    'No volunteer with this number or ID number: register the volunteer first',
  'import.volunteer_mismatch': "The volunteer number is {name}'s but the ID number is {other}'s",
  'import.before_joined': '{name} became a volunteer on {date}; not yet a volunteer that day',
  'import.service_recorded': "{name}'s service on {date} is already recorded: row skipped",
  'import.duplicate_service': 'Same volunteer, day and service as row {firstRow}',
  'import.hours_number': 'Hours "{value}" is not a number: write hours, e.g. 2 or 2.5',
  'import.hours_range': 'Hours "{value}" is not between 0 and 24',
};
