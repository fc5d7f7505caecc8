/**
 * What the bench office's generators share: names, days, weighted and Poisson draws,
 * and the person references the elderly-care and community parts are built on.
 */
import { residentIdCheckChar } from '@shared/identity/residentId';
import type { Random } from '../support/seededRandom';

export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '欧阳', '司马',
]; // prettier-ignore
export const givenChars = [
  '伟', '芳', '娜', '秀', '英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟',
  '涛', '明', '超', '兰', '霞', '平', '刚', '桂', '华', '建', '国', '文', '红', '玉', '春', '梅',
  '德', '福', '海', '云', '志', '小', '宇', '晨',
]; // prettier-ignore
export const villages = [
  '解放社区',
  '东村',
  '西村',
  '南岗村',
  '北山村',
  '河口村',
  '新桥社区',
  '城南社区',
];
export const areaCode = '330102';

/**
 * The county's 低保 standard the generated cases are computed with: the one the test
 * HQ publishes (test/support/hqHarness.ts countyStandards), so HQ's recomputation agrees.
 */
export const benchStandards = [
  { category: 'urban', amountFen: 80000 },
  { category: 'rural', amountFen: 63200 },
].map(({ category, amountFen }) => ({
  id: `county-${category}`,
  areaCode,
  category: category as 'urban' | 'rural',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  amountFen,
  source: 'hq' as const,
}));

export function personName(rng: Random, surname?: string): string {
  const family = surname ?? rng.pick(surnames) ?? '王';
  const length = rng.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += rng.pick(givenChars) ?? '明';
  return family + given;
}

export function isoDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** What the later parts of the office need of a generated person. */
export interface PersonRef {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  currentAddress: string;
}

export const staffNames = ['王登记', '李社工', '张干事', '陈主任', '刘护理', '赵网格员'];
export const ageAt = (birthDate: string, day: number) => (day - dayOf(birthDate)) / 365.25;
export const phoneNumber = (rng: Random) => `13${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;

/** Days until the next arrival of a Poisson process with the given mean gap. */
export const nextGap = (rng: Random, meanDays: number) =>
  Math.round(-Math.log(1 - rng.next()) * meanDays);

export function weighted<T>(rng: Random, choices: readonly (readonly [T, number])[]): T {
  let x = rng.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return (choices.at(-1) as readonly [T, number])[0];
}

/**
 * Resident ID numbers of the office's county, each a person's own: a three-digit
 * sequence per birth date, odd for men, so 500 of each sex a day; one more throws rather
 * than give a number twice.
 */
export function residentIds(): (birthDay: number, male: boolean) => string {
  const used = new Map<number, number>();
  return (birthDay, male) => {
    const slot = birthDay * 2 + (male ? 1 : 0);
    const before = used.get(slot) ?? 0;
    if (before >= 500) throw new Error(`more than 500 persons of one sex born ${isoDay(birthDay)}`);
    used.set(slot, before + 1);
    const seq = before * 2 + (male ? 1 : 0);
    const first17 = `${areaCode}${isoDay(birthDay).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  };
}
