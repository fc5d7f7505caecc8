/**
 * The adapter for local-HTTP ID-card readers (protocol: httpReaderProtocol.ts). Runs in
 * the Electron main process, with Node's fetch rather than Electron's net.fetch: the
 * reader is on this computer, and the system proxy that net.fetch follows must never
 * see a resident's card. Refuses any address off this computer, follows no redirect,
 * gives up after `timeoutMs`, stops reading past `maxBytes`, and checks every field
 * before the reading leaves the main process.
 */
import { AppError } from '@shared/errors/appError';
import { checkReaderAddress } from '@shared/identity/idCardReading';
import { MAX_READER_ANSWER_BYTES, readingFromAnswer } from './httpReaderProtocol';
import { readerError, type IdCardReader } from './reader';

/** A card read takes a second or two; a reader still searching after this has none. */
export const READER_TIMEOUT_MS = 8_000;

export interface HttpReaderOptions {
  /** The desk's reader URL (a local setting); loopback only. */
  url: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Node's fetch in the app; tests pass the same. */
  fetch?: typeof fetch;
}

export function createHttpIdCardReader(options: HttpReaderOptions): IdCardReader {
  // Throws a validation AppError (field readerUrl) for any address off this computer.
  const url = checkReaderAddress(options.url);
  const timeoutMs = options.timeoutMs ?? READER_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_READER_ANSWER_BYTES;
  const fetchFn = options.fetch ?? fetch;

  return {
    async read() {
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetchFn(url, {
          method: 'GET',
          headers: { accept: 'application/json' },
          // A redirect could lead off this computer: refused, not followed.
          redirect: 'error',
          signal,
        });
      } catch (error) {
        throw signal.aborted
          ? readerError('reader_timeout', `The reader did not answer within ${timeoutMs} ms.`)
          : readerError(
              'reader_offline',
              `Nothing answers at the reader address: ${String(error)}`,
            );
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw readerError('reader_fault', `The reader answered HTTP ${response.status}.`, [], {
          status: response.status,
        });
      }
      const text = await readCapped(response, maxBytes, signal, timeoutMs);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw readerError('answer_malformed', 'The reader answered with text that is not JSON.');
      }
      return readingFromAnswer(json);
    },
  };
}

/** The body as UTF-8 text, refused as soon as it passes `maxBytes` (declared or streamed). */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string> {
  const tooLarge = () =>
    readerError('answer_too_large', `The reader's answer is larger than ${maxBytes} bytes.`, [], {
      maxBytes,
    });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted) {
      throw readerError('reader_timeout', `The reader did not finish within ${timeoutMs} ms.`);
    }
    throw error instanceof AppError
      ? error
      : readerError('reader_offline', 'The reader closed the connection mid-answer.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw readerError('answer_malformed', 'The reader answered with text that is not UTF-8.');
  }
}
