import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { HqFetch } from '@shared/sync/hqHttp';

/**
 * HTTPS for the tests: a self-signed certificate for 127.0.0.1 made with openssl, and
 * an HqFetch over node:https that trusts exactly that certificate (`ca`), so TLS is
 * verified as usual and nothing is disabled globally.
 */
export async function selfSignedCertificate(
  dir: string,
): Promise<{ certFile: string; keyFile: string; cert: Buffer }> {
  const certFile = join(dir, 'hq-cert.pem');
  const keyFile = join(dir, 'hq-key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { certFile, keyFile, cert: await readFile(certFile) };
}

export function httpsFetch(ca: Buffer): HqFetch {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        { method: init.method, headers: init.headers, ca, timeout: init.timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const body = new Uint8Array(Buffer.concat(chunks));
            const status = response.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              headers: {
                get: (name) => {
                  const value = response.headers[name.toLowerCase()];
                  return typeof value === 'string' ? value : (value?.join(', ') ?? null);
                },
              },
              arrayBuffer: async () => body.buffer,
            });
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', reject);
      outgoing.end(init.body);
    });
}

/** A GET (HQ's /health) trusting exactly `ca`. */
export function httpsGet(url: string, ca: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'GET', ca }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
