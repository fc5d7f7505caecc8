import { resolve } from 'node:path';
import { protectionFromEnv, type ProtectionConfig } from './protectionConfig';

/** HQ's settings, from the environment (12-factor): nothing here is kept in code. */
export interface HqConfig extends ProtectionConfig {
  port: number;
  host: string;
  /** Embedded SQLite lives here unless a PostgreSQL URL is given. */
  dataDir: string;
  databaseUrl: string | null;
  /** Bearer token for the county's admin API (decisions, reference data); null = off. */
  adminToken: string | null;
  /** Browser-build desks' origins allowed to call HQ (comma list in HQ_CORS_ORIGINS). */
  corsOrigins: string[];
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HqConfig {
  const dataDir = resolve(env.HQ_DATA_DIR ?? './data/hq');
  return {
    port: Number(env.HQ_PORT ?? 8787),
    host: env.HQ_HOST ?? '127.0.0.1',
    dataDir,
    ...protectionFromEnv(env, dataDir),
    databaseUrl: env.HQ_DATABASE_URL || null,
    adminToken: env.HQ_ADMIN_TOKEN || null,
    corsOrigins: (env.HQ_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
