import type { RateLimit } from '../protectionConfig';

/**
 * The console's sign-in rules (README, "County console"): from the environment like
 * the rest of HQ's settings, with these defaults.
 */
export interface ConsoleConfig {
  /** HQ_CONSOLE_MAX_FAILED: wrong passwords in a row that lock an account. */
  maxFailedAttempts: number;
  /** HQ_CONSOLE_LOCK_MINUTES: how long a locked account stays locked. */
  lockMinutes: number;
  /** HQ_CONSOLE_IDLE_MINUTES: a session unused this long is over. */
  idleMinutes: number;
  /** A session ends after this long however busy (12 hours: a working day). */
  maxSessionMinutes: number;
  /** HQ_CONSOLE_LOGIN_LIMIT attempts per 15 minutes from one client address. */
  loginLimit: RateLimit;
  /**
   * HQ_SPOT_CHECK_PERCENT: the share (whole per cent, 1–100) of township-confirmed cases
   * one 抽查 draw takes for the county to look at again.
   */
  spotCheckPercent: number;
}

export const defaultConsoleConfig: ConsoleConfig = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  idleMinutes: 15,
  maxSessionMinutes: 12 * 60,
  loginLimit: { max: 20, windowMs: 15 * 60_000 },
  spotCheckPercent: 10,
};

export function consoleConfigFromEnv(env: NodeJS.ProcessEnv): ConsoleConfig {
  const d = defaultConsoleConfig;
  return {
    maxFailedAttempts: whole(
      'HQ_CONSOLE_MAX_FAILED',
      env.HQ_CONSOLE_MAX_FAILED,
      d.maxFailedAttempts,
    ),
    lockMinutes: whole('HQ_CONSOLE_LOCK_MINUTES', env.HQ_CONSOLE_LOCK_MINUTES, d.lockMinutes),
    idleMinutes: whole('HQ_CONSOLE_IDLE_MINUTES', env.HQ_CONSOLE_IDLE_MINUTES, d.idleMinutes),
    maxSessionMinutes: d.maxSessionMinutes,
    loginLimit: {
      max: whole('HQ_CONSOLE_LOGIN_LIMIT', env.HQ_CONSOLE_LOGIN_LIMIT, d.loginLimit.max),
      windowMs: d.loginLimit.windowMs,
    },
    spotCheckPercent: percent(env.HQ_SPOT_CHECK_PERCENT, d.spotCheckPercent),
  };
}

function whole(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (it is "${text}").`);
  }
  return value;
}

function percent(text: string | undefined, fallback: number): number {
  const value = whole('HQ_SPOT_CHECK_PERCENT', text, fallback);
  if (value > 100) {
    throw new Error(`HQ_SPOT_CHECK_PERCENT must be at most 100 (it is "${text ?? ''}").`);
  }
  return value;
}
