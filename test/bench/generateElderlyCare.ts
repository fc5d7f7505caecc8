import type { AbilityLevel, BedType, SexRule } from '@shared/domain/elderlyCare/enums';
import type { Random } from '../support/seededRandom';
import type { GeneratedRecord, OfficeSize, RecordStamper } from './generator';
import {
  ageAt,
  areaCode,
  isoDay,
  nextGap,
  personName,
  phoneNumber,
  staffNames,
  villages,
  weighted,
  type PersonRef,
} from './generatorParts';

const institutionNames = ['城关镇敬老院', '城关镇中心养老院', '东村颐养院', '河口村幸福院'];

/**
 * 养老: each institution with its buildings, rooms (two beds each, ten rooms a floor,
 * five floors a building) and beds, as addRoomWithBeds saves them; residents are
 * elderly persons of the office (70 or older), arriving as a Poisson process from the
 * day the institution opened, each admitted to a free bed that fits their sex, some
 * changing beds, most of those whose stay ended discharged (normal, death, transfer).
 * Per resident, in the order the desk writes them: the resident, the admission
 * assessment, the contract, then the movements. No two stays overlap on a bed, so the
 * stays the desk replays from the movements are consistent (see localStays).
 */
export function generateElderlyCare(
  rng: Random,
  size: OfficeSize,
  stamper: RecordStamper,
  registry: readonly PersonRef[],
  today: number,
): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  const institutions = size.institutions ?? 0;
  const bedsEach = size.bedsPerInstitution ?? 0;
  if (institutions === 0 || bedsEach === 0) return out;
  const actorName = stamper.actor.name;
  const pool = rng.shuffle(registry.filter((p) => ageAt(p.birthDate, today) >= 70));
  let nextPerson = 0;
  let contracts = 0;
  for (let i = 0; i < institutions; i++) {
    const opened = today - rng.int(2_000, 3_000);
    const institution = stamper.stamp('elderlyInstitution', {
      code: `YL-${areaCode}-${String(i + 1).padStart(2, '0')}`,
      name: institutionNames[i] ?? `城关镇第${i + 1}养老院`,
      operatorType:
        i === 0 ? 'public' : (rng.pick(['private', 'public_built_private_run']) ?? 'private'),
      grade: rng.chance(0.8) ? rng.int(1, 5) : null,
      address: `城关镇${rng.pick(villages) ?? '东村'}${rng.int(1, 200)}号`,
      phone: `0571-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    });
    out.push(institution);
    const institutionId = institution.record.id;
    const bedsPerRoom = 2;
    const roomsPerFloor = 10;
    const floorsPerBuilding = 5;
    const bedsPerBuilding = bedsPerRoom * roomsPerFloor * floorsPerBuilding;
    const beds: { id: string; sexRule: SexRule; busy: [number, number][] }[] = [];
    for (let b = 0; b * bedsPerBuilding < bedsEach; b++) {
      const inBuilding = Math.min(bedsPerBuilding, bedsEach - b * bedsPerBuilding);
      const building = stamper.stamp('elderlyBuilding', {
        institutionId,
        name: `${b + 1}号楼`,
        floors: Math.ceil(inBuilding / (bedsPerRoom * roomsPerFloor)),
      });
      out.push(building);
      for (let r = 0; r * bedsPerRoom < inBuilding; r++) {
        const floor = Math.floor(r / roomsPerFloor) + 1;
        const number = `${floor}${String((r % roomsPerFloor) + 1).padStart(2, '0')}`;
        const room = stamper.stamp('elderlyRoom', {
          institutionId,
          buildingId: building.record.id,
          floor,
          number,
        });
        out.push(room);
        const sexRule = weighted<SexRule>(rng, [
          ['any', 2],
          ['male', 1],
          ['female', 1],
        ]);
        for (let n = 0; n < Math.min(bedsPerRoom, inBuilding - r * bedsPerRoom); n++) {
          const bed = stamper.stamp('elderlyBed', {
            institutionId,
            buildingId: building.record.id,
            roomId: room.record.id,
            number: `${number}-${n + 1}`,
            bedType: (rng.chance(0.6) ? 'nursing' : 'general') satisfies BedType,
            sexRule,
            inServiceFrom: isoDay(opened),
            retiredOn: null,
            maintenance: false,
            maintenanceReason: '',
            note: '',
          });
          out.push(bed);
          beds.push({ id: bed.record.id, sexRule, busy: [] });
        }
      }
    }

    // Arrivals: about as many as the beds can take (a stay lasts 60–2,400 days).
    const meanStay = (60 + 2_400) / 2;
    const meanGap = meanStay / (beds.length * 1.15);
    const freeBed = (sex: PersonRef['sex'], from: number, to: number, not?: string) => {
      const start = rng.int(0, beds.length - 1);
      for (let k = 0; k < beds.length; k++) {
        const bed = beds[(start + k) % beds.length] as (typeof beds)[number];
        if (bed.id === not || (bed.sexRule !== 'any' && bed.sexRule !== sex)) continue;
        if (bed.busy.every(([a, z]) => to <= a || z <= from)) return bed;
      }
      return undefined;
    };
    for (let day = opened + nextGap(rng, meanGap); day < today; day += nextGap(rng, meanGap)) {
      const person = pool[nextPerson];
      if (!person) break;
      const planned = day + rng.int(60, 2_400);
      const end = planned < today ? planned : Infinity;
      const lastDay = Math.min(planned, today - 1);
      const changeOn =
        lastDay - day > 90 && rng.chance(0.12) ? day + rng.int(30, lastDay - day - 30) : null;
      let first = freeBed(person.sex, day, changeOn ?? end);
      let second =
        first && changeOn !== null ? freeBed(person.sex, changeOn, end, first.id) : undefined;
      if (changeOn !== null && !second) {
        first = freeBed(person.sex, day, end);
        second = undefined;
      }
      if (!first) continue; // full: the next arrival tries again
      nextPerson += 1;
      first.busy.push([day, second && changeOn !== null ? changeOn : end]);
      if (second && changeOn !== null) second.busy.push([changeOn, end]);

      const resident = stamper.stamp('elderlyResident', {
        personId: person.id,
        personName: person.name,
        sex: person.sex,
        birthDate: person.birthDate,
        fundingCategory: weighted(rng, [
          ['tekun', 25],
          ['dibao', 15],
          ['self_paying', 60],
        ] as const),
        emergencyContact: {
          name: personName(rng),
          relation: rng.pick(['子女', '配偶', '侄子', '女儿', '儿子']) ?? '子女',
          phone: phoneNumber(rng),
        },
        note: '',
      });
      const residentId = resident.record.id;
      const level = weighted<AbilityLevel>(rng, [
        ['intact', 25],
        ['mild', 25],
        ['moderate', 25],
        ['severe', 15],
        ['total', 10],
      ]);
      contracts += 1;
      out.push(
        resident,
        stamper.stamp('elderlyAssessment', {
          residentId,
          date: isoDay(day),
          assessor: rng.pick(staffNames) ?? '李社工',
          level,
          reason: 'admission',
          note: '',
        }),
        stamper.stamp('elderlyContract', {
          residentId,
          contractNo: `HT${isoDay(day).slice(0, 4)}-${String(contracts).padStart(5, '0')}`,
          startDate: isoDay(day),
          endDate: isoDay(day + 3 * 365),
          careLevel: level,
          bedId: first.id,
          bedFeeFen: rng.int(8, 15) * 10_000,
          careFeeFen:
            (['intact', 'mild', 'moderate', 'severe', 'total'].indexOf(level) + 1) * 30_000,
          mealFeeFen: 60_000,
          depositFen: 300_000,
        }),
      );
      const movement = (fields: Record<string, unknown>) =>
        stamper.stamp('elderlyMovement', {
          residentId,
          institutionId,
          fromBedId: null,
          dischargeReason: null,
          destination: '',
          reversesId: null,
          reason: '',
          actorName,
          ...fields,
        });
      out.push(movement({ type: 'admit', date: isoDay(day), bedId: first.id }));
      let bedId = first.id;
      if (second && changeOn !== null) {
        out.push(
          movement({
            type: 'change_bed',
            date: isoDay(changeOn),
            bedId: second.id,
            fromBedId: first.id,
            reason: '按护理等级调整床位',
          }),
        );
        bedId = second.id;
      }
      if (end !== Infinity) {
        const dischargeReason = weighted(rng, [
          ['death', 50],
          ['normal', 35],
          ['transfer', 15],
        ] as const);
        out.push(
          movement({
            type: 'discharge',
            date: isoDay(end),
            bedId,
            dischargeReason,
            destination: dischargeReason === 'transfer' ? '县社会福利中心' : '',
          }),
        );
      }
    }
  }
  return out;
}
