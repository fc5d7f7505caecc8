import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { hqRoutes } from '@shared/sync/httpApi';
import { configFromEnv } from '../../../hq/src/config';
import { addOffice, createEnrollmentCode } from '../../../hq/src/store/offices';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { enrollErrorText } from '../../../renderer/src/screens/sync/syncText';
import { createWebTransport } from '../../../renderer/src/sync/httpTransport.web';
import type { MetaStore } from '../../../renderer/src/sync/syncMeta';
import { hqRowCounts, hqStorages, startHq, type RunningHq } from '../../support/hqHarness';

/**
 * Enrollment is limited per client address (@fastify/rate-limit): the attempt over the
 * limit is a 429 `rate_limited` in the one error shape that never reaches the database;
 * after the window a valid code works. Behind a proxy the address is the one the
 * trusted proxy forwards, and only then.
 */

let hq: RunningHq | undefined;
afterEach(async () => {
  await hq?.stop();
  hq = undefined;
});

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

function memoryMeta(): MetaStore {
  const rows = new Map<string, unknown>();
  return {
    meta: {
      get: async (key) => (rows.has(key) ? { key, value: rows.get(key) } : undefined),
      put: async (row) => rows.set(row.key, row.value),
      delete: async (key) => rows.delete(key),
    },
  };
}

async function enrollAttempt(url: string, code: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${hqRoutes.enroll}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      code,
      deviceId: `device-${code}`,
      officeId: 'office-a',
      deviceName: '窗口 1',
      publicKeys: null,
    }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { code: string; errorId?: string; message: string },
  };
}

const codeUsed = async (running: RunningHq) =>
  (await running.hq.db.selectFrom('enrollment_codes').select('used_at').execute()).map(
    (r) => r.used_at !== null,
  );

describe.each(hqStorages)('the enrollment limit over $kind', (storage) => {
  it('refuses the 11th attempt with 429 before the database, and takes a valid code after the window', async () => {
    const windowMs = 3000;
    const written: string[] = [];
    const running = await startHq({
      storage,
      server: {
        enrollLimit: { max: 10, windowMs },
        log: { level: 'info', stream: { write: (line) => void written.push(line) } },
      },
    });
    hq = running;
    await addOffice(running.hq.db, { id: 'office-a', name: '城关镇民政办' }, new Date());
    const code = await createEnrollmentCode(running.hq.db, 'office-a', new Date());
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      const wrong = await enrollAttempt(running.url, `wrongcode${i}`);
      expect(wrong.status, `attempt ${i + 1}`).toBe(401);
    }
    const before = await hqRowCounts(running.hq);

    const eleventh = await enrollAttempt(running.url, code);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toMatchObject({ code: 'rate_limited', errorId: expect.any(String) });
    expect(Number(eleventh.retryAfter)).toBeGreaterThan(0);
    expect(Number(eleventh.retryAfter)).toBeLessThanOrEqual(windowMs / 1000);
    expect(await hqRowCounts(running.hq)).toEqual(before);
    expect(await codeUsed(running)).toEqual([false]);

    // The desk (browser transport) gets the code, and says it in Chinese and English.
    const transport = createWebTransport(memoryMeta(), (url, init) => fetch(url, init));
    const refused = await transport
      .enroll({
        hqUrl: running.url,
        code,
        officeId: 'office-a',
        deviceId: 'desk-0001',
        deviceName: '窗口 1',
        publicKeys: { signing: 'DESK-SIGNING-SPKI', encryption: 'DESK-ENCRYPTION-SPKI' },
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(AppError);
    const data = (refused as AppError).toData();
    expect(data.code).toBe('rate_limited');
    expect(enrollErrorText(zh, data)).toBe('尝试次数过多，请稍后再试。');
    expect(enrollErrorText(en, data)).toBe('Too many attempts. Please wait a while and try again.');
    expect(await codeUsed(running)).toEqual([false]);
    expect(Date.now() - started, 'the attempts took longer than the window').toBeLessThan(windowMs);

    const refusedLine = written
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.status === 429);
    expect(refusedLine).toMatchObject({
      level: 40,
      route: hqRoutes.enroll,
      error: 'rate_limited',
      errorId: eleventh.body.errorId,
    });

    await new Promise((resolve) => setTimeout(resolve, started + windowMs + 200 - Date.now()));
    const after = await enrollAttempt(running.url, code);
    expect(after.status).toBe(200);
    expect(await codeUsed(running)).toEqual([true]);
  });
});

describe('the enrollment limit behind a reverse proxy', () => {
  it('counts per forwarded address when the proxy is trusted, and ignores the header when it is not', async () => {
    const limit = { max: 2, windowMs: 60_000 };
    const one = { 'x-forwarded-for': '203.0.113.7' };
    const two = { 'x-forwarded-for': '203.0.113.8' };

    hq = await startHq({ server: { enrollLimit: limit, trustProxy: ['127.0.0.1'] } });
    for (let i = 0; i < 2; i++)
      expect((await enrollAttempt(hq.url, `wrong${i}x`, one)).status).toBe(401);
    expect((await enrollAttempt(hq.url, 'wrong2x', one)).status).toBe(429);
    expect((await enrollAttempt(hq.url, 'wrong3x', two)).status).toBe(401);
    await hq.stop();

    // Not trusted: the header is the client's say-so, and the socket's address counts.
    hq = await startHq({ server: { enrollLimit: limit } });
    expect((await enrollAttempt(hq.url, 'wrong4x', one)).status).toBe(401);
    expect((await enrollAttempt(hq.url, 'wrong5x', two)).status).toBe(401);
    expect(
      (await enrollAttempt(hq.url, 'wrong6x', { 'x-forwarded-for': '198.51.100.1' })).status,
    ).toBe(429);
  });
});

describe('the protection settings', () => {
  it('reads HQ_TRUST_PROXY, HQ_ENROLL_LIMIT, HQ_ENROLL_WINDOW_MINUTES and HQ_LOG_LEVEL', () => {
    const defaults = configFromEnv({});
    expect(defaults).toMatchObject({
      trustProxy: false,
      logLevel: 'info',
      enrollLimit: { max: 10, windowMs: 15 * 60_000 },
    });
    expect(configFromEnv({ HQ_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(configFromEnv({ HQ_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
    ]);
    expect(
      configFromEnv({ HQ_ENROLL_LIMIT: '3', HQ_ENROLL_WINDOW_MINUTES: '60' }).enrollLimit,
    ).toEqual({ max: 3, windowMs: 3_600_000 });
    expect(configFromEnv({ HQ_LOG_LEVEL: 'OFF' }).logLevel).toBe('off');
    expect(() => configFromEnv({ HQ_ENROLL_LIMIT: '0' })).toThrow(
      'HQ_ENROLL_LIMIT must be a whole number of at least 1 (it is "0").',
    );
    expect(() => configFromEnv({ HQ_ENROLL_WINDOW_MINUTES: '1.5' })).toThrow(
      /HQ_ENROLL_WINDOW_MINUTES/,
    );
    expect(() => configFromEnv({ HQ_LOG_LEVEL: 'loud' })).toThrow(/HQ_LOG_LEVEL must be one of/);
  });
});
