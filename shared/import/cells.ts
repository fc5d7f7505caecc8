import { isoDateFromParts } from '../calendar/dates';
import type { FieldError } from '../errors/appError';
import { parseYuan } from '../money/fen';
import type { Relation } from '../domain/household';
import type { UrbanRural } from '../domain/common';
import type { disabilityTypes } from '../domain/person';

/**
 * One cell's text as a value, or the code of what is wrong with it (a message key).
 * Each parser accepts the spellings offices use in their sheets.
 */
export type CellResult<T> =
  { ok: true; value: T } | { ok: false; code: string; params?: FieldError['params'] };

const fail = (code: string, params?: FieldError['params']): CellResult<never> => ({
  ok: false,
  code,
  params,
});

/** The earliest date a roster's date may be (a birth date of a living person). */
export const earliestDate = '1900-01-01';

/**
 * 1990-01-02, 1990/1/2, 1990.1.2, 19900102, 1990年1月2日 → '1990-01-02'; a date that
 * does not exist is `import.date_format`, one before 1900 or after today
 * `import.date_range`.
 */
export function parseDateCell(text: string, today: string): CellResult<string> {
  const t = text.trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!match) return fail('import.date_format', { value: t });
  const date = isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  if (date === null) return fail('import.date_format', { value: t });
  if (date < earliestDate || date > today) return fail('import.date_range', { value: date });
  return { ok: true, value: date };
}

/** A yuan amount (≤ 2 decimals, ¥ and thousands commas allowed) as integer fen. */
export function parseMoneyCell(text: string): CellResult<number> {
  const result = parseYuan(text);
  return result.ok ? { ok: true, value: result.fen } : fail(result.code, { value: text });
}

export function parseSexCell(text: string): CellResult<'male' | 'female'> {
  const t = text.trim();
  if (t === '男' || t === '男性') return { ok: true, value: 'male' };
  if (t === '女' || t === '女性') return { ok: true, value: 'female' };
  return fail('import.sex', { value: t });
}

/** 与户主关系 as household registers (户口簿) write it. */
const relationWords: [Relation, RegExp][] = [
  ['self', /^(户主|本人|户主本人)$/],
  ['spouse', /^(配偶|妻|夫|妻子|丈夫|之妻|之夫)$/],
  ['child_in_law', /^(儿媳|媳|女婿|儿媳妇)$/],
  ['grandchild', /^(孙子|孙女|外孙|外孙子|外孙女|孙|孙媳|孙女婿)$/],
  ['grandparent', /^(祖父|祖母|外祖父|外祖母|爷爷|奶奶)$/],
  ['parent', /^(父|母|父亲|母亲|之父|之母|岳父|岳母|公公|婆婆)$/],
  ['child', /^(子|女|儿子|女儿|之子|之女|长子|次子|三子|长女|次女|三女|养子|养女|继子|继女)$/],
  ['sibling', /^(兄|弟|姐|妹|哥哥|弟弟|姐姐|妹妹|兄弟|姐妹)$/],
  ['other', /^(其他|其它|其他亲属|侄子|侄女|外甥|外甥女)$/],
];

export function parseRelationCell(text: string): CellResult<Relation> {
  const t = text.replace(/\s+/g, '');
  const found = relationWords.find(([, pattern]) => pattern.test(t));
  return found ? { ok: true, value: found[0] } : fail('import.relation', { value: t });
}

/** 户口性质: 农业/农村 → rural, 非农业/城镇/城市/居民 → urban. */
export function parseHukouCell(text: string): CellResult<UrbanRural> {
  const t = text.replace(/\s+/g, '');
  if (/^(农业|农村|农业户口|农村户口|乡村)$/.test(t)) return { ok: true, value: 'rural' };
  if (/^(非农业|非农|城镇|城市|居民|非农业户口|城镇户口|居民户口)$/.test(t)) {
    return { ok: true, value: 'urban' };
  }
  return fail('import.hukou', { value: t });
}

/** 是/否 (also 在校/√/1 for yes). */
export function parseYesNoCell(text: string): CellResult<boolean> {
  const t = text.trim();
  if (/^(是|在校|√|1|有)$/.test(t)) return { ok: true, value: true };
  if (/^(否|不是|无|0|×)$/.test(t)) return { ok: true, value: false };
  return fail('import.yes_no', { value: t });
}

/** 残疾等级: 一级…四级, 1–4, 无 → 0. */
export function parseDisabilityGradeCell(text: string): CellResult<number> {
  const t = text.replace(/\s+/g, '').replace(/级$/, '');
  const digits: Record<string, number> = {
    一: 1,
    二: 2,
    三: 3,
    四: 4,
    '1': 1,
    '2': 2,
    '3': 3,
    '4': 4,
  };
  if (t === '无' || t === '0' || t === '') return { ok: true, value: 0 };
  const grade = digits[t];
  return grade === undefined
    ? fail('import.disability_grade', { value: text })
    : { ok: true, value: grade };
}

/** 劳动能力: 有/完全 → full, 部分/弱 → partial, 无/丧失 → none. */
export function parseWorkCapacityCell(text: string): CellResult<'full' | 'partial' | 'none'> {
  const t = text.replace(/\s+/g, '');
  if (/^(有|完全|有劳动能力|完全劳动能力|健康)$/.test(t)) return { ok: true, value: 'full' };
  if (/^(部分|弱|部分劳动能力|部分丧失劳动能力|劳动能力弱)$/.test(t)) {
    return { ok: true, value: 'partial' };
  }
  if (/^(无|丧失|无劳动能力|完全丧失劳动能力|丧失劳动能力)$/.test(t)) {
    return { ok: true, value: 'none' };
  }
  return fail('import.work_capacity', { value: t });
}

const disabilityWords: Record<string, (typeof disabilityTypes)[number]> = {
  视力: 'visual',
  听力: 'hearing',
  言语: 'speech',
  肢体: 'physical',
  智力: 'intellectual',
  精神: 'mental',
  多重: 'multiple',
};

/** 残疾类别: 视力/听力/言语/肢体/智力/精神/多重 (with or without 残疾). */
export function parseDisabilityTypeCell(
  text: string,
): CellResult<(typeof disabilityTypes)[number]> {
  const t = text.replace(/\s+/g, '').replace(/残疾$/, '');
  const type = disabilityWords[t];
  return type ? { ok: true, value: type } : fail('import.disability_type', { value: text });
}

/**
 * An ID number that Excel kept as a number: it keeps 15 significant digits, so an
 * 18-digit number comes back ending in 000 and fails its check character. Said as its
 * own hint (import.id_as_number), since "wrong check character" alone sends the office
 * looking for a typing error.
 */
export function idLostToNumberCell(text: string, code: string): boolean {
  return code === 'id.checksum' && /^\d{15}000$/.test(text.replace(/\s+/g, ''));
}
