import type { AbilityLevel, FundingCategory } from '../domain/elderlyCare/enums';
import type { CellResult } from './cells';

/**
 * The cells of a residents roster (residentRoster.ts) that name elderly-care values and
 * places: 护理等级, 供养类型 and the building/room/bed as the area names them.
 */

/** Where a row puts its resident, as the area names the place (matched in the dry run). */
export interface BedPlaceName {
  institution: string;
  building: string;
  room: string;
  bed: string;
}

const levels: Record<string, AbilityLevel> = {
  能力完好: 'intact',
  完好: 'intact',
  自理: 'intact',
  轻度失能: 'mild',
  轻度: 'mild',
  中度失能: 'moderate',
  中度: 'moderate',
  重度失能: 'severe',
  重度: 'severe',
  完全失能: 'total',
  完全: 'total',
};

/** 护理等级 in the national assessment's words (能力完好…完全失能, or the short form). */
export function parseLevelCell(text: string): CellResult<AbilityLevel> {
  const level = levels[text.trim()];
  return level
    ? { ok: true, value: level }
    : { ok: false, code: 'import.level', params: { value: text } };
}

const fundings: Record<string, FundingCategory> = {
  特困: 'tekun',
  特困供养: 'tekun',
  特困集中供养: 'tekun',
  集中供养: 'tekun',
  五保: 'tekun',
  低保: 'dibao',
  自费: 'self_paying',
  自费托养: 'self_paying',
  社会老人: 'self_paying',
};

/** 供养类型: 特困（集中供养）, 低保 or 自费. */
export function parseFundingCell(text: string): CellResult<FundingCategory> {
  const funding = fundings[text.trim()];
  return funding
    ? { ok: true, value: funding }
    : { ok: false, code: 'import.funding', params: { value: text } };
}

/**
 * A place's part as the area writes it: "101室" is room 101, "2床" / "2号床" is bed 2,
 * full-width digits and spaces ignored. The building name stays as written (1号楼).
 */
export function placePart(text: string, part: 'building' | 'room' | 'bed'): string {
  const t = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (part === 'room') return t.replace(/(室|房|号房)$/, '');
  if (part === 'bed') return t.replace(/(号床|床位|床)$/, '');
  return t;
}

/**
 * A bed's cell that names its whole place, 「1号楼101室2床」, 「1号楼 101 2」 or
 * 「A栋-203-1」: the building (ending in 楼, 栋 or 座), the room and the bed. Null when it
 * cannot be split so.
 */
export function splitPlaceCell(
  text: string,
): { building: string; room: string; bed: string } | null {
  const t = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/\s+/g, '-');
  const match =
    /^(.+?[楼栋座])[-/]?([0-9A-Za-z]+)(?:室|房|号房|[-/])-?([0-9A-Za-z]+)(?:号床|床位|床)?$/.exec(
      t,
    );
  if (!match) return null;
  const [, building, room, bed] = match as unknown as [string, string, string, string];
  return { building, room, bed };
}

/** The key of one bed by its names (two rows for one bed are a file duplicate). */
export const placeKey = (p: BedPlaceName) =>
  [p.institution, p.building, p.room, p.bed].map((s) => s.trim()).join('|');
