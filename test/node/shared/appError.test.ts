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
