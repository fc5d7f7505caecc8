import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors/appError';
import { createHttpIdCardReader } from '../../../electron/idCard/httpReader';
import {
  cardData,
  residentIdOf,
  startFakeIdCardReader,
  type FakeIdCardReader,
} from '../../support/fakeIdCardReader';

/**
 * The local-HTTP adapter against a fake reader on loopback speaking the protocol:
 * what a good card gives, each way a reader says no, each way a broken or hostile
 * service answers, and the addresses it refuses before any request is made.
 */
let reader: FakeIdCardReader;

beforeAll(async () => {
  reader = await startFakeIdCardReader();
});
afterAll(async () => {
  await reader.close();
});

/** The AppError a read fails with (the test fails if it succeeds). */
async function failure(read: () => Promise<unknown>): Promise<AppError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('The read succeeded.');
}

const readOnce = (options: { timeoutMs?: number; maxBytes?: number } = {}) =>
  createHttpIdCardReader({ url: reader.url, ...options }).read();

describe('a card on the reader', () => {
  it('comes back with every field checked and in the desk’s shape', async () => {
    reader.answer = { kind: 'card', data: cardData({ nation: '蒙古族', validTo: '20350601' }) };
    const reading = await readOnce();
    expect(reading).toMatchObject({
      name: '张三丰',
      sex: 'male',
      nation: '蒙古',
      birthDate: '1960-05-04',
      address: '浙江省杭州市上城区城关镇东村3组12号',
      idNumber: residentIdOf('33010219600504013'),
      issuer: '杭州市公安局上城分局',
      validFrom: '2015-06-01',
      validTo: '2035-06-01',
    });
    expect(reading.photo?.mime).toBe('image/bmp');
  });

  it('长期 validity becomes null; a lower-case x is upper-cased; no photo is allowed', async () => {
    const id = residentIdOf('11010519491231002');
    expect(id.endsWith('X')).toBe(true);
    reader.answer = {
      kind: 'card',
      data: cardData({
        idNumber: id.toLowerCase(),
        birthDate: '19491231',
        sex: '女',
        photo: undefined,
      }),
    };
    const reading = await readOnce();
    expect(reading).toMatchObject({ idNumber: id, sex: 'female', validTo: null, photo: null });
  });
});

describe('the reader says no', () => {
  it.each([
    [1, 'no_card'],
    [2, 'reader_busy'],
    [7, 'reader_fault'],
  ])('code %i → %s', async (code, reason) => {
    reader.answer = { kind: 'code', code, message: '请放卡' };
    const error = await failure(() => readOnce());
    expect(error.code).toBe('unavailable');
    expect(error.details.reason).toBe(reason);
  });

  it('an HTTP error is a reader fault', async () => {
    reader.answer = { kind: 'status', status: 500 };
    expect((await failure(() => readOnce())).details).toMatchObject({
      reason: 'reader_fault',
      status: 500,
    });
  });

  it('nothing listening is "offline"', async () => {
    const gone = await startFakeIdCardReader();
    const url = gone.url;
    await gone.close();
    const error = await failure(() => createHttpIdCardReader({ url }).read());
    expect(error.details.reason).toBe('reader_offline');
  });
});

describe('a broken or hostile service', () => {
  it('malformed JSON is refused', async () => {
    reader.answer = { kind: 'raw', body: '{"code":0,"data":{"name":"张三' };
    expect((await failure(() => readOnce())).details.reason).toBe('answer_malformed');
  });

  it('text that is not UTF-8 is refused', async () => {
    reader.answer = { kind: 'raw', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('latin1') };
    expect((await failure(() => readOnce())).details.reason).toBe('answer_malformed');
  });

  it('an oversized answer is refused, declared or only counted', async () => {
    for (const declareLength of [true, false]) {
      reader.answer = { kind: 'oversized', bytes: 2 * 1024 * 1024, declareLength };
      const error = await failure(() => readOnce({ maxBytes: 64 * 1024 }));
      expect(error.details).toMatchObject({ reason: 'answer_too_large', maxBytes: 64 * 1024 });
    }
  });

  it('a reader that never answers times out', async () => {
    reader.answer = { kind: 'silent' };
    const started = Date.now();
    const error = await failure(() => readOnce({ timeoutMs: 300 }));
    expect(error.details.reason).toBe('reader_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a reader that answers a byte at a time times out over the whole answer', async () => {
    reader.answer = { kind: 'trickle', everyMs: 20 };
    const started = Date.now();
    const error = await failure(() => readOnce({ timeoutMs: 400 }));
    expect(error.details.reason).toBe('reader_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a redirect is not followed (it could lead off this computer)', async () => {
    reader.answer = { kind: 'redirect', location: 'http://203.0.113.7/readcard' };
    expect((await failure(() => readOnce())).details.reason).toBe('reader_offline');
  });

  it('an answer outside the protocol (no code) is refused', async () => {
    reader.answer = { kind: 'raw', body: JSON.stringify({ name: '张三丰' }) };
    const error = await failure(() => readOnce());
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual([{ path: 'code', code: 'idCard.field.invalid' }]);
  });
});

describe('every field is checked before it leaves the main process', () => {
  const otherId = residentIdOf('33010219600504024');
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a wrong check character', { idNumber: '330102196005040139' }, ['data.idNumber']],
    ['a birth date the number does not say', { birthDate: '19600505' }, ['data.birthDate']],
    ['a sex the number does not say', { idNumber: otherId }, ['data.sex']],
    ['a control character in the name', { name: '张三\u0000丰' }, ['data.name']],
    ['a direction mark in the address', { address: '东村\u202e3组' }, ['data.address']],
    ['a nation in Latin letters', { nation: 'Han' }, ['data.nation']],
    ['a missing address', { address: undefined }, ['data.address']],
    ['an impossible validity date', { validFrom: '20150230' }, ['data.validFrom']],
    ['a validity that is neither a date nor 长期', { validTo: 'forever' }, ['data.validTo']],
    ['a sex in English', { sex: 'M' }, ['data.sex']],
    ['a name of 51 characters', { name: '张'.repeat(51) }, ['data.name']],
    [
      'a photo that is no image',
      { photo: Buffer.from('<svg/>').toString('base64') },
      ['data.photo'],
    ],
    ['a photo that is not base64', { photo: '@@@@' }, ['data.photo']],
    ['a number given as a number', { idNumber: 33010219600504 }, ['data.idNumber']],
  ])('%s', async (_what, overrides, paths) => {
    reader.answer = { kind: 'card', data: cardData(overrides) };
    const error = await failure(() => readOnce());
    expect(error.code).toBe('validation');
    expect(error.details.reason).toBe('answer_invalid');
    expect(error.fieldErrors.map((e) => e.path)).toEqual(paths);
  });
});

describe('only this computer', () => {
  it.each([
    'http://192.168.1.20:19196/api/readcard',
    'http://reader.example.cn/api/readcard',
    'http://127.0.0.1.nip.io/api/readcard',
    'http://0.0.0.0:19196/',
    'http://[::ffff:c0a8:0114]/',
    'file:///etc/passwd',
    'http://user:pw@127.0.0.1/',
    'not a url',
  ])('refuses %s before any request', (url) => {
    const before = reader.requests;
    let caught: unknown;
    try {
      createHttpIdCardReader({ url });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).fieldErrors[0]?.path).toBe('readerUrl');
    expect(reader.requests).toBe(before);
  });

  it('accepts localhost and [::1] forms', () => {
    for (const url of ['http://localhost:19196/x', 'http://[::1]:19196/x', 'http://127.0.0.2/']) {
      expect(() => createHttpIdCardReader({ url })).not.toThrow();
    }
  });
});
