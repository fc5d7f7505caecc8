import type { FastifyInstance } from 'fastify';
import { AppError } from '@shared/errors/appError';

/** Deeper than any record a desk writes (a few levels) by far; shallower than any stack. */
export const maxJsonDepth = 64;

/**
 * JSON bodies nested deeper than `maxJsonDepth` are refused with a 400 naming the rule
 * (`request.too_deep`) before they are parsed: code that walks a parsed value (the
 * NUL check, storing an op's fields with JSON.stringify) recurses, and a body of a
 * hundred thousand `[` ended in a stack overflow, a 500. The check reads the text once
 * without recursion, skipping strings whole, then hands it to Fastify's own parser
 * (which keeps refusing `__proto__` and `constructor.prototype`).
 */
export function boundJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (depthExceeds(text, maxJsonDepth)) {
      done(
        new AppError({
          code: 'validation',
          message: `The request body nests deeper than ${maxJsonDepth} levels.`,
          fieldErrors: [{ path: '', code: 'request.too_deep', params: { max: maxJsonDepth } }],
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}

const quote = 0x22;
const backslash = 0x5c;
const openArray = 0x5b;
const openObject = 0x7b;
const closeArray = 0x5d;
const closeObject = 0x7d;

/**
 * Whether JSON text opens more than `max` arrays/objects inside each other. Brackets in
 * strings do not count; text that is not JSON is left for the parser to refuse.
 */
export function depthExceeds(text: string, max: number): boolean {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      i = closingQuote(text, i + 1);
      if (i < 0) return false;
    } else if (c === openArray || c === openObject) {
      if (++depth > max) return true;
    } else if (c === closeArray || c === closeObject) {
      depth--;
    }
  }
  return false;
}

/** The index of the quote that ends the string starting at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at >= 0) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === backslash) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}
