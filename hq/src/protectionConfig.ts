import { join, resolve } from 'node:path';

/**
 * The settings for HQ's own protection (issue #11). From the environment like the rest
 * of HqConfig.
 */
export interface ProtectionConfig {
  /** HQ_KEY_FILE: the key that seals HQ's private keys in the database. */
  keyFile: string;
}

export function protectionFromEnv(env: NodeJS.ProcessEnv, dataDir: string): ProtectionConfig {
  return {
    keyFile: resolve(env.HQ_KEY_FILE || join(dataDir, 'hq.key')),
  };
}
