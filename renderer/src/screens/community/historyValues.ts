import type { NamedRef, ServiceType } from '@shared/domain/community/serviceRecord';
import type { MessageKey } from '../../i18n/messages';
import type { Translate } from '../../i18n/translate';
import { hoursLabel, serviceTypeLabel } from './labels';

/**
 * How the history view names a field and shows its value. Ids are left out (their names
 * are shown instead), so a version lists what a person would check on paper.
 */
const fieldKeys: Record<string, MessageKey> = {
  type: 'community.field.type',
  startAt: 'community.field.startAt',
  endAt: 'community.field.endAt',
  place: 'community.field.place',
  served: 'community.field.served',
  staffNames: 'community.field.staffNames',
  volunteers: 'community.field.volunteers',
  notes: 'community.field.notes',
  attachments: 'community.field.attachments',
  durationMinutes: 'community.field.durationMinutes',
  name: 'community.field.name',
  volunteerNumber: 'community.field.volunteerNumber',
  skills: 'community.field.skills',
  joinedOn: 'community.field.joinedOn',
  organiser: 'community.field.organiser',
  date: 'community.field.date',
  content: 'community.field.content',
  activityName: 'community.field.activityName',
  travelMinutes: 'community.field.travelMinutes',
  serviceMinutes: 'community.field.serviceMinutes',
  voided: 'community.field.voided',
  recordedBy: 'community.field.recordedBy',
  volunteerName: 'community.field.volunteerName',
};

/** Where the same field name means something else on an activity. */
const activityKeys: Record<string, MessageKey> = {
  name: 'community.field.activityName',
  content: 'community.field.activityContent',
};

/** The field's label, or null for fields the history does not show (ids). */
export function fieldLabel(t: Translate, field: string, kind: string): string | null {
  const key = (kind === 'volunteerActivity' ? activityKeys[field] : undefined) ?? fieldKeys[field];
  return key ? t(key) : null;
}

const isNamedRef = (v: unknown): v is NamedRef =>
  typeof v === 'object' && v !== null && 'name' in v && typeof v.name === 'string';

export function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('community.history.none');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('community.history.none');
    return value.map((v) => (isNamedRef(v) ? v.name : String(v))).join('、');
  }
  if (field === 'type') return serviceTypeLabel(t, value as ServiceType);
  if (field === 'durationMinutes' || field === 'serviceMinutes')
    return hoursLabel(t, Number(value));
  if (field === 'travelMinutes') return t('community.minutes', { minutes: Number(value) });
  if (typeof value === 'boolean')
    return value ? t('community.history.yes') : t('community.history.none');
  if (isNamedRef(value)) return value.name;
  // Wall-clock times read better without the 'T' of their stored form.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) {
    return value.replace('T', ' ');
  }
  return String(value);
}

/** How the ledger's history names its fields and shows their values (RecordHistory). */
export const communityHistoryFields = { label: fieldLabel, value: valueText };
