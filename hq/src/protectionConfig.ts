import { join, resolve } from 'node:path';

/**
 * The settings for HQ's own protection (issue #11): where its key file is and what it
 * logs. From the environment like the rest of HqConfig.
 */
export interface ProtectionConfig {
  /** HQ_KEY_FILE: the key that seals HQ's private keys in the database. */
  keyFile: string;
  /** HQ_LOG_LEVEL: one JSON line per request on stdout (default info); `off` logs nothing. */
  logLevel: HqLogLevel;
}

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
  };
}

function logLevelFrom(text: string): HqLogLevel {
  const level = text.trim().toLowerCase();
  const found = logLevels.find((l) => l === level);
  if (!found)
    throw new Error(`HQ_LOG_LEVEL must be one of ${logLevels.join(', ')} (it is "${text}").`);
  return found;
}
