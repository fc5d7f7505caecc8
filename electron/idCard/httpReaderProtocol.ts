/**
 * THE LOCAL-HTTP READER PROTOCOL (version 1), as the desk implements it. Many Chinese
 * desktop ID-card readers ship a small service that listens on 127.0.0.1 and answers
 * one request with the card's fields as JSON; their field names differ a little from
 * vendor to vendor, and a desk talks to the one shape below (a vendor whose service
 * speaks another dialect gets its own adapter, see reader.ts). docs/idcard-reader.md
 * has the same text for the people who set up a desk.
 *
 *   GET <reader URL>                 e.g. http://127.0.0.1:19196/api/readcard
 *   Accept: application/json
 *
 *   200 OK, Content-Type: application/json; charset=utf-8
 *   {
 *     "code": 0,                     0 = card read; 1 = no card on the reader;
 *                                    2 = reader busy; anything else = reader fault
 *     "message": "读卡成功",          optional, up to 200 characters
 *     "data": {                      required when code is 0, ignored otherwise
 *       "name":      "张三",          姓名, 1–50 characters
 *       "sex":       "男",            性别: "男" or "女"
 *       "nation":    "汉",            民族, Chinese characters, with or without 族
 *       "birthDate": "19800101",      出生, YYYYMMDD
 *       "address":   "浙江省…",       住址, 1–120 characters
 *       "idNumber":  "330102…",       公民身份号码, 18 characters, check character right
 *       "issuer":    "杭州市公安局…",  签发机关, 1–60 characters
 *       "validFrom": "20150101",      有效期限 start, YYYYMMDD
 *       "validTo":   "20350101",      有效期限 end, YYYYMMDD or "长期"
 *       "photo":     "<base64>"       optional: the decoded photo as JPEG, PNG or BMP
 *     }
 *   }
 *
 * The desk refuses (and nothing leaves the main process): an answer over
 * MAX_READER_ANSWER_BYTES, text that is not JSON, any field missing or out of shape,
 * a number whose check character is wrong, a birth date or sex that disagrees with the
 * number, text fields with control characters, a photo that is no JPEG/PNG/BMP.
 */
import { z } from 'zod';
import type { FieldError } from '@shared/errors/appError';
import { isoDateFromParts } from '@shared/calendar/dates';
import { residentIdFacts } from '@shared/identity/residentId';
import {
  idCardReadingSchema,
  MAX_PHOTO_BASE64_CHARS,
  type IdCardReading,
} from '@shared/identity/idCardReading';
import { readerError } from './reader';

/** A reading with its photo is under 100 KB; a little room for vendors' extra fields. */
export const MAX_READER_ANSWER_BYTES = 256 * 1024;

/** Printable text: no control characters (a reader fault or a hostile service). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u);

/** YYYYMMDD of a real calendar day → 'YYYY-MM-DD'. */
const cardDate = z
  .string()
  .regex(/^\d{8}$/)
  .transform((value, ctx) => {
    const iso = isoDateFromParts(
      Number(value.slice(0, 4)),
      Number(value.slice(4, 6)),
      Number(value.slice(6, 8)),
    );
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: 'not a calendar date' });
      return z.NEVER;
    }
    return iso;
  });

const magic: { mime: 'image/jpeg' | 'image/png' | 'image/bmp'; bytes: number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/bmp', bytes: [0x42, 0x4d] },
];

const photo = z
  .string()
  .max(MAX_PHOTO_BASE64_CHARS)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .transform((base64, ctx) => {
    const head = Buffer.from(base64.slice(0, 16), 'base64');
    const kind = magic.find((m) => m.bytes.every((b, i) => head[i] === b));
    if (!kind) {
      ctx.addIssue({ code: 'custom', message: 'not a JPEG, PNG or BMP image' });
      return z.NEVER;
    }
    return { mime: kind.mime, base64 };
  });

const cardSchema = z
  .object({
    name: text(50),
    sex: z.enum(['男', '女']),
    nation: z
      .string()
      .trim()
      .regex(/^\p{Script=Han}{1,10}$/u)
      .transform((n) => (n.length > 1 && n.endsWith('族') ? n.slice(0, -1) : n)),
    birthDate: cardDate,
    address: text(120),
    idNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dXx]$/)
      .transform((n) => n.toUpperCase()),
    issuer: text(60),
    validFrom: cardDate,
    validTo: z.union([z.literal('长期'), cardDate]),
    photo: photo.optional(),
  })
  .superRefine((card, ctx) => {
    const facts = residentIdFacts(card.idNumber);
    if (!facts) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'check character wrong' });
      return;
    }
    if (facts.birthDate !== card.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'disagrees with the number' });
    }
    if (facts.sex !== (card.sex === '男' ? 'male' : 'female')) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: 'disagrees with the number' });
    }
  });

const answerSchema = z.object({
  code: z.number().int(),
  message: z.string().max(200).optional(),
  data: z.unknown().optional(),
});

/** The reader's parsed JSON → a checked reading, or the AppError that refuses it. */
export function readingFromAnswer(json: unknown): IdCardReading {
  const answer = answerSchema.safeParse(json);
  if (!answer.success) {
    throw readerError('answer_invalid', 'The reader answered outside the protocol.', [
      ...fieldErrorsOf(answer.error),
    ]);
  }
  const { code, message } = answer.data;
  if (code === 1) throw readerError('no_card', 'No card on the reader.');
  if (code === 2) throw readerError('reader_busy', 'The reader is busy.');
  if (code !== 0) {
    throw readerError('reader_fault', `The reader reported an error: ${message ?? code}.`, [], {
      readerCode: code,
    });
  }
  const card = cardSchema.safeParse(answer.data.data);
  if (!card.success) {
    throw readerError(
      'answer_invalid',
      'The card fields the reader sent failed their checks.',
      fieldErrorsOf(card.error, 'data'),
    );
  }
  const c = card.data;
  // Checked once more in the shape the renderer receives (the IPC contract's type).
  return idCardReadingSchema.parse({
    name: c.name,
    sex: c.sex === '男' ? 'male' : 'female',
    nation: c.nation,
    birthDate: c.birthDate,
    address: c.address,
    idNumber: c.idNumber,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo === '长期' ? null : c.validTo,
    photo: c.photo ?? null,
  });
}

/** One field error per refused field, e.g. { path: 'data.idNumber', code: 'idCard.field.invalid' }. */
function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldError[] {
  const paths = new Set(
    error.issues.map((issue) => [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.')),
  );
  return [...paths].map((path) => ({ path: path || 'answer', code: 'idCard.field.invalid' }));
}
