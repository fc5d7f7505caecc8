import { join } from 'node:path';
import { toAppErrorData } from '@shared/errors/appError';
import { consoleConfigFromEnv } from '../console/consoleConfig';
import { configFromEnv, tlsFromEnv, type HqConfig } from '../config';
import { openHqDatabase, type HqDatabase } from '../db/database';
import { buildServer } from '../http/server';
import { parseArgs } from './args';
import { commands, usage } from './commands';

/** `npm run hq [-- command …]`: the server by default, else one admin command. */
async function main(argv: string[]): Promise<number | 'serving'> {
  const { positional, options } = parseArgs(argv);
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const config = configFromEnv();
  const hq = await openHqDatabase(config);
  if (positional.length === 0 || positional[0] === 'serve') {
    await serve(hq, config);
    return 'serving';
  }
  const two = `${positional[0]} ${positional[1] ?? ''}`;
  const [name, rest] = commands[two]
    ? [two, positional.slice(2)]
    : [positional[0] ?? '', positional.slice(1)];
  const command = commands[name];
  try {
    if (!command) {
      console.error(usage);
      return 2;
    }
    console.log(await command(hq, rest, options));
    return 0;
  } catch (error) {
    const data = toAppErrorData(error);
    const fields = (data.fieldErrors ?? []).map((f) => `${f.path}: ${f.code}`).join('; ');
    console.error(`error: ${data.message}${fields ? ` (${fields})` : ''}`);
    return 1;
  } finally {
    await hq.close();
  }
}

async function serve(hq: HqDatabase, config: HqConfig): Promise<void> {
  const tls = tlsFromEnv();
  const app = buildServer({
    hq,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    log: { level: config.logLevel },
    enrollLimit: config.enrollLimit,
    trustProxy: config.trustProxy,
    tls,
    console: consoleConfigFromEnv(process.env),
    // dist/hq/cli.cjs serves dist/console, which `npm run hq` builds first.
    consoleDir: join(__dirname, '..', 'console'),
  });
  await app.listen({ port: config.port, host: config.host });
  const ready = `HQ listening on ${tls ? 'https' : 'http'}://${config.host}:${config.port} (${hq.storage}, schema ${hq.schemaVersion})`;
  // With the log on, stdout is JSON lines only, so a log shipper reads every line.
  if (config.logLevel === 'off') console.log(ready);
  else app.log.info({ storage: hq.storage, schemaVersion: hq.schemaVersion }, ready);
  const stop = async () => {
    await app.close();
    await hq.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 'serving') process.exit(code);
  },
  (error: unknown) => {
    console.error(`HQ failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
