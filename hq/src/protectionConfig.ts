import { join, resolve } from 'node:path';

/**
 * The settings for HQ's own protection (issue #11): where its key file is, what it
 * logs, whose forwarded address to believe and how often an address may try to
 * enroll. From the environment like the rest of HqConfig.
 */
export interface ProtectionConfig {
  /** HQ_KEY_FILE: the key that seals HQ's private keys in the database. */
  keyFile: string;
  /** HQ_LOG_LEVEL: one JSON line per request on stdout (default info); `off` logs nothing. */
  logLevel: HqLogLevel;
  /**
   * HQ_TRUST_PROXY: the reverse proxy's addresses or CIDR ranges (comma-separated) whose
   * X-Forwarded-For names the client; `true` believes any sender (only when nothing but
   * the proxy can reach HQ); off by default, when the client is the socket's address.
   */
  trustProxy: boolean | string[];
  /** HQ_ENROLL_LIMIT attempts per HQ_ENROLL_WINDOW_MINUTES from one client address. */
  enrollLimit: RateLimit;
}

/** At most `max` requests per `windowMs` from one client address. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Enrollment's limit unless configured: 10 attempts per 15 minutes from one address. */
export const defaultEnrollLimit: RateLimit = { max: 10, windowMs: 15 * 60_000 };

export type HqLogLevel = 'off' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const logLevels: readonly HqLogLevel[] = [
  'off',
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
];

export function protectionFromEnv(env: NodeJS.ProcessEnv, dataDir: string): ProtectionConfig {
  return {
    keyFile: resolve(env.HQ_KEY_FILE || join(dataDir, 'hq.key')),
    logLevel: logLevelFrom(env.HQ_LOG_LEVEL || 'info'),
    trustProxy: trustProxyFrom(env.HQ_TRUST_PROXY ?? ''),
    enrollLimit: {
      max: wholeNumber('HQ_ENROLL_LIMIT', env.HQ_ENROLL_LIMIT, defaultEnrollLimit.max),
      windowMs:
        wholeNumber(
          'HQ_ENROLL_WINDOW_MINUTES',
          env.HQ_ENROLL_WINDOW_MINUTES,
          defaultEnrollLimit.windowMs / 60_000,
        ) * 60_000,
    },
  };
}

function trustProxyFrom(text: string): boolean | string[] {
  const value = text.trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (it is "${text}").`);
  }
  return value;
}

function logLevelFrom(text: string): HqLogLevel {
  const level = text.trim().toLowerCase();
  const found = logLevels.find((l) => l === level);
  if (!found)
    throw new Error(`HQ_LOG_LEVEL must be one of ${logLevels.join(', ')} (it is "${text}").`);
  return found;
}
