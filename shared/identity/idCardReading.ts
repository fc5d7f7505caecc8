/**
 * What an ID-card reader read off a second-generation resident card (第二代居民身份证),
 * as the Electron main process hands it to the renderer over IPC ('idCard:read'), and
 * the address of a desk's local reader service.
 *
 * The reader's own answer (its wire protocol) is checked field by field in
 * electron/idCard/httpReaderProtocol.ts before anything leaves the main process; this
 * schema is the checked result, which the renderer checks once more as it arrives.
 */
import { z } from 'zod';
import { AppError } from '../errors/appError';
import { isoDateSchema } from '../domain/common';
import { isLoopbackHost } from '../sync/hqAddress';

/** A card photo is ~40 KB (102×126 BMP, less as JPEG); anything much larger is not one. */
export const MAX_PHOTO_BASE64_CHARS = 128 * 1024;

/** The card photo: shown beside the reading, never stored (docs/architecture.md). */
export const idCardPhotoSchema = z.object({
  mime: z.enum(['image/jpeg', 'image/png', 'image/bmp']),
  base64: z
    .string()
    .max(MAX_PHOTO_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

export const idCardReadingSchema = z.object({
  name: z.string().min(1).max(50),
  sex: z.enum(['male', 'female']),
  /** 民族 as printed on the card, without 族 (汉, 回, 蒙古, …). */
  nation: z.string().min(1).max(10),
  birthDate: isoDateSchema,
  address: z.string().min(1).max(120),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
  /** 签发机关. */
  issuer: z.string().min(1).max(60),
  validFrom: isoDateSchema,
  /** Null for 长期 (cards of people over 46 never expire). */
  validTo: isoDateSchema.nullable(),
  photo: idCardPhotoSchema.nullable(),
});

export type IdCardReading = z.infer<typeof idCardReadingSchema>;

/** The field error codes of a refused reader address (worded in renderer/src/i18n). */
export type ReaderAddressProblem = 'idCard.url.invalid' | 'idCard.url.notLoopback';

interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
  hash: string;
  href: string;
}
interface UrlGlobal {
  URL: new (text: string) => ParsedUrl;
}

/**
 * The reader service's URL as typed or stored: http(s), no user name or password, no
 * fragment, and on THIS computer only (localhost, 127.0.0.0/8, [::1]). A reader answers
 * with a resident's name, number, address and photo; pointed anywhere else, the desk
 * would fetch personal data from (and reveal its requests to) another machine. Checked
 * by the settings form and again by the main process before every read.
 */
export function checkReaderAddress(raw: string): string {
  let url: ParsedUrl | null;
  try {
    url = new (globalThis as unknown as UrlGlobal).URL(raw.trim());
  } catch {
    url = null;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password ||
    url.hash
  ) {
    throw addressError('idCard.url.invalid', 'The reader address must be an http(s) URL.');
  }
  if (!isLoopbackHost(url.hostname)) {
    throw addressError(
      'idCard.url.notLoopback',
      'The reader address must be on this computer (localhost, 127.0.0.1 or [::1]).',
    );
  }
  return url.href;
}

function addressError(code: ReaderAddressProblem, message: string): AppError {
  return new AppError({ code: 'validation', message, fieldErrors: [{ path: 'readerUrl', code }] });
}
