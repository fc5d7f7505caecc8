import type { ServiceRecordInput, ServiceType } from '@shared/domain/community/serviceRecord';
import type { NamedRef } from '@shared/domain/community/serviceRecord';
import type { ServiceRecord } from '../../db/repositories/community/services';
import { atTime } from './labels';

/** The service form as typed; it is the record's input shape, so no conversion can drift. */
export type ServiceDraft = {
  type: ServiceType;
  startAt: string;
  endAt: string;
  place: string;
  served: NamedRef[];
  staffNames: string[];
  volunteers: NamedRef[];
  notes: string;
  attachments: string[];
};

/** A new record starts on today's morning, with the logged-in user as staff. */
export function emptyService(today: string, userName: string): ServiceDraft {
  return {
    type: 'home_visit',
    startAt: atTime(today, '09:00'),
    endAt: atTime(today, '10:00'),
    place: '',
    served: [],
    staffNames: userName ? [userName] : [],
    volunteers: [],
    notes: '',
    attachments: [],
  };
}

/** A correction starts from the current version's values. */
export function draftOf(record: ServiceRecord): ServiceDraft {
  return {
    type: record.type,
    startAt: record.startAt,
    endAt: record.endAt,
    place: record.place,
    served: record.served,
    staffNames: record.staffNames,
    volunteers: record.volunteers,
    notes: record.notes,
    attachments: record.attachments,
  };
}

export function toServiceInput(draft: ServiceDraft): ServiceRecordInput {
  return { ...draft };
}
