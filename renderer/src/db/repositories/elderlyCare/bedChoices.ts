import type { BedStatus } from '@shared/domain/elderlyCare/enums';
import type { DeskDatabase } from '../../database';
import { loadBoard } from './board';
import { listInstitutions } from './institutions';
import { elderlyTables, type Bed, type Institution } from './tables';

/** A bed as the pickers offer it: where it is and what it is on the day. */
export interface BedChoice {
  bed: Bed;
  institution: Institution;
  building: string;
  room: string;
  status: BedStatus;
}

/** Every bed in service on `date` across the office's institutions, in board order. */
export async function bedChoices(db: DeskDatabase, date: string): Promise<BedChoice[]> {
  const choices: BedChoice[] = [];
  for (const institution of await listInstitutions(db)) {
    const board = await loadBoard(db, institution.id, date);
    for (const { building, floors } of board?.buildings ?? []) {
      for (const { rooms } of [...floors].reverse()) {
        for (const { room, beds } of rooms) {
          for (const { bed, status } of beds) {
            if (status === 'retired') continue;
            choices.push({ bed, institution, building: building.name, room: room.number, status });
          }
        }
      }
    }
  }
  return choices;
}

/** Where one bed is, for labels ("1号楼 101室 2床"). */
export async function bedPlace(db: DeskDatabase, bed: Bed) {
  const t = elderlyTables(db);
  const [building, room] = await Promise.all([
    t.buildings.get(bed.buildingId),
    t.rooms.get(bed.roomId),
  ]);
  return { building: building?.name ?? '', room: room?.number ?? '', bed: bed.number };
}
