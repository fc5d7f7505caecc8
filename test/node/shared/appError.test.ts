import { describe, expect, it } from 'vitest';
import { AppError, toAppErrorData } from '@shared/errors/appError';

describe('AppError', () => {
  it('round-trips through plain data, the shape that crosses IPC and HTTP', () => {
    const error = new AppError({
      code: 'validation',
      message: 'bad id',
      fieldErrors: [{ path: 'idNumber', code: 'id.checksum', params: { expected: 'X' } }],
    });
    const data = toAppErrorData(error);
    expect(data).toEqual({
      code: 'validation',
      message: 'bad id',
      fieldErrors: [{ path: 'idNumber', code: 'id.checksum', params: { expected: 'X' } }],
    });
    expect(AppError.fromData(data).fieldErrors[0]?.code).toBe('id.checksum');
  });

  it('hides the internals of unknown errors', () => {
    expect(toAppErrorData(new TypeError('secret stack'))).toEqual({
      code: 'internal',
      message: 'An unexpected error occurred.',
    });
  });
});

describe('fieldErrorsFromZod', () => {
  it('keeps a code a schema names itself and maps the generic ones', async () => {
    const { z } = await import('zod');
    const { fieldErrorsFromZod } = await import('@shared/validation/fieldErrors');
    const schema = z.object({
      areaCode: z.string().regex(/^\d{6}$/, 'field.area_code'),
      name: z.string().min(1),
      count: z.number().int().max(3),
    });
    const result = schema.safeParse({ areaCode: '12', name: '', count: 9 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromZod(result.error)).toEqual([
      { path: 'areaCode', code: 'field.area_code' },
      { path: 'name', code: 'field.required' },
      { path: 'count', code: 'field.too_big', params: { maximum: 3 } },
    ]);
  });
});

describe('fieldErrorsFromZod on wrong types', () => {
  it('tells a missing field from a field of the wrong type', async () => {
    const { z } = await import('zod');
    const { fieldErrorsFromZod } = await import('@shared/validation/fieldErrors');
    const result = z.object({ a: z.number(), b: z.number() }).safeParse({ a: 'x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromZod(result.error)).toEqual([
      { path: 'a', code: 'field.invalid_type', params: { expected: 'number' } },
      { path: 'b', code: 'field.required' },
    ]);
  });
});

describe('isoDateSchema', () => {
  it('accepts only real calendar dates', async () => {
    const { isoDateSchema } = await import('@shared/domain/common');
    expect(isoDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-13-01').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-2-3').success).toBe(false);
  });
});
