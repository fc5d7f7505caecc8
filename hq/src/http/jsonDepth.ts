import type { FastifyInstance } from 'fastify';
import { AppError } from '@shared/errors/appError';

/** Deeper than any record a desk writes (a few levels) by far; shallower than any stack. */
export const maxJsonDepth = 64;

/**
 * JSON bodies nested deeper than `maxJsonDepth` are refused with a 400 naming the rule
 * (`request.too_deep`): code that walks a parsed value recurses (storing an op's
 * fields with JSON.stringify), and an op whose conflict value was 100,000 levels deep
 * overflowed its stack, a 500. Fastify's own parser reads the text (V8's JSON.parse
 * does not recurse; the parser keeps refusing `__proto__` and `constructor.prototype`),
 * then one pass over the parsed containers, with a stack instead of recursion, checks
 * the depth: about a tenth of the parse's time on a push of 5,000 ops.
 */
export function boundJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) done(error, undefined);
      else if (depthExceeds(value, maxJsonDepth)) done(tooDeep(), undefined);
      else done(null, value);
    });
  });
}

const tooDeep = () =>
  new AppError({
    code: 'validation',
    message: `The request body nests deeper than ${maxJsonDepth} levels.`,
    fieldErrors: [{ path: '', code: 'request.too_deep', params: { max: maxJsonDepth } }],
  });

/** Whether a parsed JSON value holds more than `max` arrays/objects inside each other. */
export function depthExceeds(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > max) return true;
    if (Array.isArray(container)) {
      for (const inner of container as unknown[]) {
        if (typeof inner === 'object' && inner !== null) {
          containers.push(inner);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in container) {
        const inner = container[key];
        if (typeof inner === 'object' && inner !== null) {
          containers.push(inner);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
