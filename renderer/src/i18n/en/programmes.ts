import type { programmesZh } from '../zh-CN/programmes';

export const programmesEn: Record<keyof typeof programmesZh, string> = {
  'programme.dibao': 'Minimum living allowance (dibao)',
  'programme.tekun': 'Support for persons in extreme poverty (tekun)',
  'programme.temporary': 'Temporary assistance',
  'programme.medical': 'Medical assistance',
  'programme.choose': 'Programme',
  'programme.part.basic': 'Basic living',
  'programme.part.care': 'Care',
  'programme.once': 'one-off',
  'programme.all': 'All programmes',
  'programme.short.dibao': 'Dibao',
  'programme.short.tekun': 'Tekun',
  'programme.short.temporary': 'Temporary',
  'programme.short.medical': 'Medical',
  'case.programme_unknown': 'There is no assistance programme {programme}',
  'case.programme_fixed': 'A case stays in its programme: make a new application instead',
  'case.status_unknown': '“{status}” is not a status of this programme',
  'rule.missing': 'No “{key}” rule is in force on {date}: the county must publish one first',
  'rule.key': 'A rule name looks like tekun.careFen.fully',
  'field.month': 'Enter a year and month, e.g. 2026-12',
} as const;
