import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { createPersons } from '../../support/officeWork';
import { allCounts, keyedDesk, sealForHq } from './packageKit';

/**
 * Hostile review of the console (issue #14): a package upload may be 512 MiB, held in
 * memory while HQ reads it. A viewer or reviewer may not preview or import; they must
 * be refused before HQ reads the body, or a few of them uploading at once could exhaust
 * HQ's memory with files HQ then refuses.
 */
let running: RunningHq | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

/** Sends headers and one chunk of an upload that never ends; the status HQ answers. */
function unfinishedUpload(client: ConsoleClient, path: string, declaredBytes: number) {
  const url = new URL(`${client.baseUrl}/v1/console${path}`);
  return new Promise<number | 'no answer'>((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/octet-stream',
        'content-length': String(declaredBytes),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, 3000);
    req.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      req.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.write(Buffer.alloc(64 * 1024, 1));
  });
}

describe('package uploads by a role that may not', () => {
  it('refuses a viewer’s and a reviewer’s upload before reading it, and logs the refusal', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'zhao', 'viewer');
    await consoleUser(hq, 'li', 'reviewer');
    for (const name of ['zhao', 'li']) {
      const client = new ConsoleClient(hq.url);
      await client.login(name);
      for (const path of ['/packages/preview', '/packages/import']) {
        const status = await unfinishedUpload(client, path, 400 * 1024 * 1024);
        expect({ name, path, status }).toEqual({ name, path, status: 403 });
      }
    }
    const refused = (await listAudit(hq.hq.db, 50))
      .filter((a) => a.result === 'forbidden')
      .map((a) => `${a.username}:${a.action}`)
      .sort();
    expect(refused).toEqual([
      'li:package.import',
      'li:package.preview',
      'zhao:package.import',
      'zhao:package.preview',
    ]);
  });

  it('imports a package sent twice at once exactly once; the other is refused as a duplicate', async () => {
    const hq = await startHq();
    running = hq;
    await consoleUser(hq, 'wang', 'admin');
    const admin = new ConsoleClient(hq.url);
    await admin.login('wang');
    const a1 = await keyedDesk(hq.hq, 'office-a', 'a1');
    await createPersons(a1.desk, 2);
    const ops = await a1.desk.store.pendingOps(500);
    const bytes = await sealForHq(a1, await loadHqKeys(hq.hq), ops);
    const send = async () => {
      const response = await fetch(`${hq.url}/v1/console/packages/import`, {
        method: 'POST',
        headers: {
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/octet-stream',
        },
        body: bytes,
      });
      const text = Buffer.from(await response.arrayBuffer());
      const json = response.headers.get('content-type')?.startsWith('application/json')
        ? (JSON.parse(text.toString('utf8')) as { fieldErrors?: { code: string }[] })
        : null;
      return { status: response.status, code: json?.fieldErrors?.[0]?.code ?? null };
    };
    const answers = await Promise.all([send(), send(), send()]);
    const sorted = answers.map((a) => `${a.status}:${a.code ?? ''}`).sort();
    expect(sorted[0]).toBe('200:');
    expect(sorted.slice(1).every((a) => /^4\d\d:package\.(duplicate|replay)$/.test(a))).toBe(true);
    const counts = await allCounts(hq.hq);
    expect(counts).toMatchObject({ packages: 2 });
  });
});
