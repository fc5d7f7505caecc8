import { readFileSync } from 'node:fs';
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

/**
 * HTTPS (its own block: HQ_TLS_CERT and HQ_TLS_KEY, PEM file paths, both or neither).
 * With them HQ serves HTTPS itself; without, plain HTTP, on loopback unless HQ_HOST
 * says otherwise (behind a reverse proxy that terminates TLS: README, "HQ over HTTPS").
 */
export interface HqTls {
  cert: Buffer;
  key: Buffer;
}

export function tlsFromEnv(env: NodeJS.ProcessEnv = process.env): HqTls | null {
  const certFile = env.HQ_TLS_CERT || null;
  const keyFile = env.HQ_TLS_KEY || null;
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) {
    throw new Error('HQ_TLS_CERT and HQ_TLS_KEY go together: set both (PEM files) or neither.');
  }
  const read = (name: string, file: string) => {
    try {
      return readFileSync(resolve(file));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${name} (${file}) cannot be read: ${reason}`, { cause: error });
    }
  };
  return { cert: read('HQ_TLS_CERT', certFile), key: read('HQ_TLS_KEY', keyFile) };
}
