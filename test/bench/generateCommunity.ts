import type { ServiceType } from '@shared/domain/community/serviceRecord';
import type { Random } from '../support/seededRandom';
import type { GeneratedRecord, OfficeSize, RecordStamper } from './generator';
import { ageAt, areaCode, isoDay, staffNames, weighted, type PersonRef } from './generatorParts';

/**
 * 社区服务: volunteers (distinct adult persons, unique numbers), then service records
 * over the last two years: home visits to elderly persons at their address, 协商议事
 * consultations, volunteer activities, each with staff by name and volunteers.
 */
export function generateCommunity(
  rng: Random,
  size: OfficeSize,
  stamper: RecordStamper,
  registry: readonly PersonRef[],
  today: number,
): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  const services = size.serviceRecords ?? 0;
  const wanted = size.volunteers ?? 0;
  if (registry.length === 0 || (services === 0 && wanted === 0)) return out;
  const adults = registry.filter((p) => {
    const age = ageAt(p.birthDate, today);
    return age >= 18 && age < 70;
  });
  const elderly = registry.filter((p) => ageAt(p.birthDate, today) >= 60);
  const volunteers: { id: string; name: string }[] = [];
  const taken = new Set<string>();
  const skills = ['陪护', '助餐', '理发', '法律咨询', '心理疏导', '家电维修', '文艺', '驾驶'];
  while (volunteers.length < Math.min(wanted, adults.length)) {
    const person = adults[rng.int(0, adults.length - 1)] as PersonRef;
    if (taken.has(person.id)) continue;
    taken.add(person.id);
    const volunteer = stamper.stamp('volunteer', {
      personId: person.id,
      name: person.name,
      volunteerNumber: `ZJ${areaCode}${String(volunteers.length + 1).padStart(5, '0')}`,
      skills: rng.shuffle(skills).slice(0, rng.int(1, 3)),
      joinedOn: isoDay(today - rng.int(30, 2_000)),
      notes: '',
    });
    out.push(volunteer);
    volunteers.push({ id: volunteer.record.id, name: person.name });
  }
  const distinct = <T extends { id: string }>(from: readonly T[], count: number): T[] => {
    const chosen = new Map<string, T>();
    for (let tries = 0; chosen.size < Math.min(count, from.length) && tries < count * 10; tries++) {
      const item = from[rng.int(0, from.length - 1)] as T;
      chosen.set(item.id, item);
    }
    return [...chosen.values()];
  };
  const places = ['社区服务中心', '村委会议室', '城关镇民政办', '老年活动室'];
  const notes = ['', '', '', '身体状况良好', '需定期回访', '已转介家庭医生', '反映用水问题'];
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (let i = 0; i < services; i++) {
    const type = weighted<ServiceType>(rng, [
      ['home_visit', 60],
      ['consultation', 15],
      ['volunteer_activity', 20],
      ['other', 5],
    ]);
    const served =
      type === 'home_visit'
        ? distinct(elderly.length > 0 ? elderly : registry, 1)
        : distinct(registry, type === 'consultation' ? rng.int(2, 6) : rng.int(3, 12));
    const helping =
      volunteers.length === 0
        ? []
        : type === 'volunteer_activity'
          ? distinct(volunteers, rng.int(2, 6))
          : distinct(volunteers, rng.chance(0.4) ? rng.int(1, 2) : 0);
    const day = isoDay(today - rng.int(1, 730));
    const start = rng.int(8 * 4, 16 * 4) * 15;
    const end = start + rng.int(2, 12) * 15;
    out.push(
      stamper.stamp('communityService', {
        type,
        startAt: `${day}T${clock(start)}`,
        endAt: `${day}T${clock(end)}`,
        place:
          type === 'home_visit'
            ? (served[0]?.currentAddress ?? '城关镇')
            : (rng.pick(places) ?? '社区服务中心'),
        served: served.map((p) => ({ id: p.id, name: p.name })),
        staffNames: rng.shuffle(staffNames).slice(0, rng.int(1, 2)),
        volunteers: helping.map((v) => ({ id: v.id, name: v.name })),
        notes: rng.pick(notes) ?? '',
        attachments: rng.chance(0.05) ? [`${day}-签到表.jpg`] : [],
      }),
    );
  }
  return out;
}
