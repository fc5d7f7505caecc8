import type { ServiceType } from '@shared/domain/community/serviceRecord';
import { hoursText } from '@shared/domain/community/hours';
import { dateOf, timeOf } from '@shared/domain/community/localTime';
import type { PersonData } from '@shared/domain/person';
import type { Translate } from '../../i18n/translate';

/*
 * Community wording helpers. Keys are template literal types, so a service or ID type
 * without a dictionary entry is a compile error rather than a raw code on screen.
 */

export const serviceTypeLabel = (t: Translate, type: ServiceType) =>
  t(`community.serviceType.${type}` as const);

export const idTypeLabel = (t: Translate, idType: PersonData['idType']) =>
  t(`community.idType.${idType}` as const);

/** "2.5 小时" from whole minutes: minutes are the stored truth, hours what people read. */
export const hoursLabel = (t: Translate, minutes: number) =>
  t('community.hours', { hours: hoursText(minutes) });

/** "2026-03-01 09:00–11:30", or both dates when the span runs past midnight. */
export function spanText(startAt: string, endAt: string): string {
  const start = `${dateOf(startAt)} ${timeOf(startAt)}`;
  return dateOf(startAt) === dateOf(endAt)
    ? `${start}–${timeOf(endAt)}`
    : `${start} – ${dateOf(endAt)} ${timeOf(endAt)}`;
}

/** An ISO instant (when a version was written) in the reader's language, 24-hour clock. */
export function instantText(at: string, language: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', hour12: false });
}

/** 'YYYY-MM-DDTHH:MM' for a datetime-local input, on the given day. */
export const atTime = (date: string, time: string) => `${date}T${time}`;
